// nexi-app2app: the command line over the same core as the extension.
import { version } from '../../package.json';

const usage = `nexi-app2app ${version}

Usage: nexi-app2app <command> [options]

Commands:
  help        show this help
  version     print the version

Options:
  -h, --help     show this help
  -v, --version  print the version
`;

export function main(argv: readonly string[]): number {
  const [command] = argv;
  if (command === undefined || command === 'help' || command === '-h' || command === '--help') {
    process.stdout.write(usage);
    return command === undefined ? 2 : 0;
  }
  if (command === 'version' || command === '-v' || command === '--version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  process.stderr.write(`nexi-app2app: unknown command '${command}'. Run 'nexi-app2app help' for the list of commands.\n`);
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
