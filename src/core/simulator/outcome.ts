// What the simulator is asked to answer (issue 7), on its own: the scenario catalogue names outcomes and the
// simulator makes them, without the two importing each other.
export type Product = 'softpos' | 'mobilepos';

export type Outcome =
  | { readonly kind: 'approved' }
  | { readonly kind: 'declined'; readonly actionCode?: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'softpos-error'; readonly softPosError?: string }
  | { readonly kind: 'result'; readonly code: number };
