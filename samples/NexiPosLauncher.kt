package com.example.pizzapay.nexi

import android.content.Context
import android.content.Intent
import android.net.Uri

/** Starts Nexi POS operations over App2App deep links (User-Authentication). */
class NexiPosLauncher(private val context: Context) {

    fun pay(amountCents: Long, callerTrxId: String) {
        val uri = Uri.Builder()
            .scheme("neximpos")
            .authority("payment")
            .appendQueryParameter("amount", amountCents.toString())
            .appendQueryParameter("callerTrxId", callerTrxId)
            .appendQueryParameter("callerName", "Pizza Pay")
            .appendQueryParameter("sendTicket", "false")
            .appendQueryParameter("autoClose", "true")
            .appendQueryParameter("uri", "pizzapay://payment")
            .build()
        launch(uri)
    }

    // Hand-written URIs are where mistakes creep in: the toolkit validates these as you type.
    fun payQuick() = launch(Uri.parse("neximpos://payment?amount=1,50&callerTrxId=PP-QUICK&callerName=Pizza Pay&autoClose=true&uri=pizzapay://payment"))

    fun reverseLast(amountCents: Long, terminalId: String) =
        launch(Uri.parse("neximpos://reversal?amount=$amountCents&callerTrxId=PP-REV-1&callerName=Pizza%20Pay&terminalId=$terminalId&timestamp=2111261030&uri=pizzapay%3A%2F%2Freversal"))

    fun lastTransaction() =
        launch(Uri.parse("neximpos://last_transaction?callerName=Pizza%20Pay&terminalId=30350039&callerTrxId=PP-LAST-1&uri=pizzapay%3A%2F%2Flast_transaction"))

    private fun launch(uri: Uri) {
        val intent = Intent(Intent.ACTION_VIEW, uri).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK)
        context.startActivity(intent)
    }
}
