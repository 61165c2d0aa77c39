"""English conversation scripts of the demo mailbox.

Expats in Hamburg and Berlin and one British company with a Berlin office.
The company answers them in English (Grace Okoye's team, or any agent who
switches language); see :mod:`hub.demo.scenarios_de` for how steps are written.
"""

from __future__ import annotations

from hub.demo.scenarios import A, C, Thread

T = Thread

THREADS_EN: tuple[Thread, ...] = (
    T("whitfield-sepa", "whitfield", "New contract – question about direct debit", "2026-05-22 20:40", "okoye", (
        C(0, """
            Hi there,

            I moved to Hamburg in April and signed up for your electricity + internet bundle online last week (customer no. KD-104120). I'm a bit confused about the SEPA direct debit mandate – the online form only accepted a German IBAN, but my salary still goes into my UK account for now. Can I pay from a UK account, or do I need to open a German one first?

            Also, my German isn't great yet, so I'd really appreciate it if we could keep this in English.

            Cheers,
        """),
        A(15, """
            welcome to Hamburg, and of course we can continue in English – I'm part of our English-speaking service team.

            SEPA direct debit works with any IBAN from the SEPA area, and that includes UK accounts. Our online form currently only validates German IBANs (a known limitation, sorry about that), but I can set up the mandate manually for you. Please reply with:

            - the account holder's name
            - the IBAN of your UK account
            - the BIC, if you have it to hand

            You'll then receive the mandate by post to sign.
        """),
        C(26, """
            Great, thanks Grace! Here you go:

            Account holder: James Whitfield
            IBAN: GB33 BUKB 2020 1555 5555 55
            BIC: BUKBGB22

            One more thing – will the payments be taken in euros? I assume my bank does the conversion?

            Thanks again,
        """),
        A(20, """
            thank you, the mandate is set up. The form will reach you by post within the next few days – please sign it and send it back in the prepaid envelope.

            Yes, we always collect in euros. Your bank converts the amount into pounds, so it's worth checking their exchange rate and any fees for SEPA debits. Your first payment of €112 (electricity and internet) will be collected on 15 June.
        """),
    )),
    T("whitfield-slow", "whitfield", "Internet very slow in the evenings", "2026-08-26 22:05", "okoye", (
        C(0, """
            Hi Grace,

            hope you're well. For about two weeks now my internet has been really slow every evening from around 7 pm till midnight – we're paying for 250 Mbit/s but get 20-30 in the evening, sometimes less. Video calls with family in the UK keep freezing. During the day it's fine.

            I've restarted the router several times and tested with a cable directly on the laptop, same result.

            Cheers,
        """),
        A(14, """
            thanks for letting us know. A drop only in the evenings usually points to congestion somewhere in the network rather than a problem with your line.

            To narrow it down, could you please run our speed test with the laptop connected by cable, a few times over the next 2–3 evenings, and send us the results? The test page lets you export them as a CSV file.
        """),
        C(70, """
            Hi Grace,

            here are the results from the last three evenings (CSV attached). As you can see it's pretty consistent – fine at 6 pm, then it falls off a cliff.

            Cheers,
        """, attach=(("speedtest_results.csv",
                      "timestamp;download_mbit;upload_mbit;ping_ms\n2026-08-27 18:02;241.3;38.9;11\n"
                      "2026-08-27 20:15;27.4;31.2;48\n2026-08-27 22:40;18.9;29.8;61\n2026-08-28 18:10;238.7;39.1;12\n"
                      "2026-08-28 21:05;22.1;30.4;55\n2026-08-29 19:30;31.5;33.0;44\n2026-08-29 23:10;25.8;32.7;50"),)),
        A(22, """
            thank you for the measurements, they were very helpful. Our network team found an overloaded link between the street cabinet in your area and our backbone – the evening peak exceeds its capacity. An additional 10 Gbit/s link will be activated on Thursday night (3 September).

            From Friday evening you should get your full speed again. As a small apology we'll credit half of this month's internet fee (€19.99) to your account.
        """, by="demir"),
        C(170, """
            Hi Aylin,

            confirmed – full speed every evening since Friday, video calls with my mum are crystal clear again. Thanks for sorting this out so quickly, and thanks for the credit!

            Cheers,
        """),
    )),
    T("raman-double", "raman", "Charged twice for October", "2026-10-16 09:12", "okoye", (
        C(0, """
            Hello,

            I've just checked my bank statement and you collected my monthly payment of €86.00 twice this month – on 1 October and again on 15 October. My customer number is KD-104377.

            Please refund the duplicate payment asap. I'm not thrilled about having to chase this, my rent goes out at the end of the month.

            Regards,
        """),
        A(28, """
            I'm sorry about the double collection. The second debit on 15 October was caused by an error when we moved your payment date from the 1st to the 15th of the month, as you requested in September. The payment on the 1st should have been the last one under the old schedule – instead, both were collected.

            I've arranged a refund of €86.00 to your account; it will reach you within 3–5 working days.
        """),
        C(100, """
            Hi Grace,

            thanks, but it's been three working days and nothing has arrived yet. Can you confirm the refund has actually been sent and to which account? I changed banks in the summer.

            Regards,
        """),
        A(6, """
            thank you for checking. The refund was sent on 19 October to the account ending in 7720, which is your current account on file (the one we also collect from). The transfer reference is "Erstattung KD-104377 / 10-2026".

            SEPA transfers sometimes take an extra day to show up – if it hasn't arrived by Friday, let me know and I'll raise it with our finance team straight away.
        """),
    )),
    T("raman-move", "raman", "Change of address", "2026-11-05 13:25", "okoye", (
        C(0, """
            Hello,

            I'm moving within Berlin on 1 December. Please update my address for all letters and invoices:

            Old: Kastanienallee 58, 10119 Berlin
            New: Weserstraße 211, 12047 Berlin

            The electricity contract should move with me. The internet contract I'd like to cancel, as the new flat already has a fibre connection from the landlord.

            Regards,
        """),
        A(30, """
            thanks for letting us know in good time. I've registered your move for 1 December: your electricity contract continues at Weserstraße 211, and from then on all letters and invoices go to your new address. Please send us the meter readings of both flats on moving day.

            Regarding the internet contract: we can't offer a connection at Weserstraße 211, so your contract can end on 30 November at no extra cost. You'll find the confirmation attached.
        """, attach=(("Confirmation_Move_KD-104377.pdf",
                      "Confirmation of move\nCustomer no.: KD-104377\nElectricity: continues at Weserstrasse 211, "
                      "12047 Berlin, from 01.12.2026\nInternet: ends 30.11.2026"),)),
        C(3, """
            Perfect, thank you Grace – that was much easier than I expected!

            Regards,
        """),
    )),
    T("carter-cancel", "carter", "Cancellation – moving back to the UK", "2026-09-28 07:45", "okoye", (
        C(0, """
            Hi,

            I'm moving back to the UK at the end of November (job ending, long story) and need to cancel everything – electricity and the mobile contract. Customer number is KD-104588 I think.

            What do I need to send you? Is there a notice period for moving abroad? The mobile contract still has about 8 months left...

            Thanks,
            Emily
        """),
        A(26, """
            thank you for letting us know, and all the best for your move back!

            Electricity: when you move out, your contract ends on the day of the handover, there is no notice period. Just send us the final meter reading and the date.

            Mobile: moving abroad doesn't automatically end a mobile contract early. However, we offer a special cancellation if you can show us proof of your move, e.g. the German deregistration certificate ("Abmeldebestätigung"). The contract then ends at the end of the month after we receive it.
        """),
        C(10, """
            Oh that's good news about the mobile. I'll get the Abmeldebestätigung from the Bürgeramt once my last day is sorted. Can I keep my number? My German friends all have it on WhatsApp lol

            Emily
        """),
        A(20, """
            you can keep your number if you move it to another German provider before the contract ends – but since you're leaving Germany, you'd need a German prepaid SIM to keep it active. Many people do that for WhatsApp. Otherwise the number is released three months after the contract ends.
        """),
        C(1100, """
            Hi Grace,

            final update from me – attached is the Abmeldebestätigung. I'm moving out on 28 November, final meter reading today: 14,902 kWh (photo attached too).

            Thanks for being so helpful, honestly the smoothest German bureaucracy I've dealt with 😄

            Emily
        """, attach=(("Abmeldebestaetigung.pdf", "Abmeldebestaetigung\nBezirksamt Hamburg-Nord\nEmily Carter\n"
                                                  "Auszug: 28.11.2026\nneue Anschrift: Bristol, United Kingdom"),
                     ("IMG_0931.png", "carter-meter"))),
    )),
    T("rossi-order", "rossi", "Order NL-2026-07-40218 – still not arrived", "2026-07-08 11:20", "okoye", (
        C(0, """
            Hello,

            I ordered a mesh wifi system (3-pack) through your website on 29 June, order number NL-2026-07-40218. Payment went through and I got a confirmation, but since then nothing. No shipping email, no tracking. The order status page just says "In Bearbeitung".

            Could you please check what's going on?

            Thanks,
            Marco
        """),
        A(26, """
            thank you for your patience. I've looked into your order: the mesh system was temporarily out of stock at our logistics partner, and unfortunately the automatic notification about the delay wasn't sent. I'm sorry about that.

            New stock is expected on 14 July, and your order will be shipped the same day. You'll receive the tracking number by email.
        """),
        C(220, """
            Hi Grace,

            it's 18 July now and still nothing – no email, no tracking. This is the third time I'm asking about this order (I also called twice). Honestly, at this point I'd rather cancel and buy it somewhere else.

            Marco
        """),
        A(40, """
            I'm very sorry – you should not have had to chase this three times. The delivery to our warehouse was delayed again and, again, nobody informed you.

            I've had a unit reserved from another warehouse and sent by express today, DHL tracking number 00340434161094098211. It should arrive tomorrow. We've also refunded the shipping costs of €4.95. If you'd still prefer to cancel, just refuse the parcel and we'll refund the full amount.
        """, by="brandt"),
    )),
    T("rossi-thanks", "rossi", "Mesh system arrived – thanks", "2026-07-21 19:02", "brandt", (
        C(0, """
            Hi,

            just wanted to say the mesh system arrived and works great, no dead spots in the flat anymore. Thanks to Mr Brandt for sorting it out!

            Marco
        """),
        A(15, """
            thank you for letting us know – I'm glad everything is working now. Enjoy the fast Wi-Fi!
        """),
    )),
    T("brown-contract", "brown", "Questions before signing – fibre + mobile", "2026-06-05 14:10", "okoye", (
        C(0, """
            Hello,

            I'm an American living in Berlin (Prenzlauer Berg) and considering switching to your fibre + mobile bundle. Before I sign, a few questions, since German contracts are new to me:

            1. Is the 24-month minimum term mandatory or is there a monthly option?
            2. Do I need a SCHUFA check? I've only been in Germany for 8 months.
            3. Can I use my own router (I have an Eero)?
            4. Is there English-language support for technical issues, or only billing?

            Thanks in advance,
        """),
        A(24, """
            thank you for your interest – happy to help!

            1. Both are possible: with a 24-month term the fibre tariff costs €44.99, with a monthly notice period €49.99.
            2. Yes, we do a credit check with SCHUFA for all new contracts. A short credit history in Germany is usually not a problem; if the check is negative, we can offer the contract with a deposit instead.
            3. Yes, there is free router choice in Germany. You'll need a fibre modem (ONT), which we provide; your Eero then connects to it via Ethernet.
            4. Our English service team handles everything, including technical support, by phone (040 66969 150) and by email.
        """),
        C(30, """
            Great answers, thanks. One follow-up: if I take the 24-month term and have to leave Germany for work, can I get out of the contract?
        """),
        A(18, """
            moving abroad doesn't automatically end the contract, but we offer a special cancellation for customers who move abroad: with proof of your deregistration in Germany, the contract ends at the end of the following month. This is part of our terms and conditions (section 9.3), so you can rely on it.
        """),
    )),
    T("brown-netzentgelt", "brown", "What is \"Netzentgelt\" on my bill?", "2026-10-09 18:30", "okoye", (
        C(0, """
            Hi,

            got my first electricity bill and there's a line "Netzentgelt" that's almost as much as the energy itself. Google Translate says "network fee", but what exactly am I paying for? Also "Messstellenbetrieb". Is this normal?

            Thanks,
        """),
        A(20, """
            good question – German electricity bills can be confusing!

            "Netzentgelt" (grid fee) is what the local grid operator charges for transporting electricity to your home: the cables, transformers and their maintenance. We collect it and pass it on; it's regulated by the Federal Network Agency and the same for all suppliers in your area.

            "Messstellenbetrieb" (metering) covers your electricity meter: installation, reading and data transmission. And yes, it's completely normal that grid fees make up around a quarter of the price.
        """),
        C(5, """
            Makes sense, thanks for the explanation!
        """),
    )),
    T("khan-wifi", "khan", "WiFi keeps dropping", "2026-07-27 21:35", "demir", (
        C(0, """
            Hi,

            my WiFi has been dropping out several times a day for the past week – laptop and phone both lose the connection for a minute or two, then it comes back. The router is the one you sent me (FRITZ!Box 7530). I work from home and it's getting really frustrating, I've been kicked out of three Teams meetings today.

            What can I do?

            Aisha Khan
            KD-104702
        """),
        A(12, """
            sorry to hear about the dropouts! Since both devices are affected and the connection comes back by itself, the most likely cause is interference on the WiFi channel, which is common in apartment buildings with many networks.

            Please try the following:
            1. Open http://fritz.box, go to WLAN > Funkkanal and set the channel to "automatic".
            2. Make sure the router has the latest FRITZ!OS (System > Update).
            3. If possible, place the router higher up and not behind the TV.

            Let me know if that helps.
        """),
        C(26, """
            Hi Aylin,

            did all three, didn't help. It still drops out. I noticed the "Info" LED flashes red each time. Could the router be faulty?

            Aisha
        """),
        A(3, """
            thank you, that's an important clue – a flashing red info LED together with dropouts points to a hardware problem. I've arranged a replacement router, which will be delivered in 1–2 working days (order NL-2026-07-51932). Please send the old one back with the enclosed return label.
        """),
        C(68, """
            New router arrived and installed. No dropouts for two days now 🤞 Thanks!

            Aisha
        """),
    )),
    T("brightwave-install", "mitchell", "Fibre installation for our Berlin office – status?", "2026-07-29 11:05",
      "carstensen", (
        C(0, """
            Dear Mr Carstensen,

            We signed the contract for a Business Fibre 1000 connection for our new Berlin office (Torstraße 140, 10119 Berlin) on 3 July, with installation promised "within 4-6 weeks". Our team of 25 moves in on 1 September and we haven't heard anything since the order confirmation.

            Could you please let us know the installation date? Without internet the office is essentially unusable.

            Kind regards,
        """),
        A(28, """
            thank you for your message. I checked with our construction team: the building at Torstraße 140 is connected to our fibre network, but the in-house cabling to the 3rd floor still needs to be installed. This requires the landlord's consent, which we requested from the property management on 10 July – we haven't received a reply yet.

            Could you help us by asking the landlord to sign the attached consent form? As soon as we have it, we can schedule the installation within about 10 working days.
        """, attach=(("Consent_Form_Building_Access.pdf",
                      "Consent form - building access and in-house cabling\nAddress: Torstrasse 140, 10119 Berlin\n"
                      "Tenant: Brightwave Software Ltd\nSignature of owner / property management: ____________"),)),
        C(94, """
            Dear Mr Carstensen,

            Thank you for the explanation. I've spoken to the property management – the signed consent form is attached. They apologised, your original request ended up in a spam folder.

            Please confirm the installation date as soon as possible.

            Kind regards,
        """, attach=(("Consent_Form_signed.pdf",
                      "Consent form - building access and in-house cabling\nAddress: Torstrasse 140, 10119 Berlin\n"
                      "Signed: Hausverwaltung Mitte GmbH, 02.08.2026"),)),
        A(26, """
            thank you, that was quick! The installation is scheduled for Tuesday, 18 August, from 8 am. Our technician will need access to the basement and the server room on the 3rd floor; the work takes about 4 hours. Mr Okafor is in copy – perhaps he could be on site?
        """),
        C(5, """
            Hi Björn,

            I'll be there on the 18th from 8 am. Quick question: will the technician also configure the static IP block (/29) on the ONT, or is that on our side with our own firewall? We're running an OPNsense box.

            Cheers,
        """, by="okafor"),
        A(20, """
            good question. The static IP block is routed to your connection on our side; the technician checks it during installation. Your OPNsense then gets the first usable address as its WAN IP – I've attached the IP details and gateway configuration. The technician will help with a quick test at the end of the installation.
        """, attach=(("IP_Assignment_Brightwave_Berlin.pdf",
                      "IP assignment - Brightwave Software Ltd, Berlin\nNetwork: 203.0.113.8/29\n"
                      "Gateway: 203.0.113.9\nUsable: 203.0.113.10 - 203.0.113.14"),)),
    ), mailbox="vertrieb", cc=("okafor",), lang="en", ticket=False),
    T("brightwave-ptr", "okafor", "Static IP – reverse DNS entries", "2026-08-20 16:40", "demir", (
        C(0, """
            Hi,

            our fibre line was installed on Tuesday, everything works – thanks. One thing left: we need reverse DNS (PTR) records for two of our static IPs for our mail server:

            203.0.113.10 -> mail.brightwave.io
            203.0.113.11 -> vpn.brightwave.io

            Can you set these up? Customer no. KD-200955.

            Cheers,
        """),
        A(22, """
            sure, happy to help. The PTR records are set and should be visible worldwide within 24 hours:

            203.0.113.10 -> mail.brightwave.io
            203.0.113.11 -> vpn.brightwave.io

            Please make sure that the forward (A) records point to the same addresses, otherwise some mail servers will still be suspicious.
        """),
        C(20, """
            Checked, all resolving correctly now. Thanks Aylin!
        """),
        A(1, """
            great, thanks for confirming! I'm closing the ticket then.
        """),
    )),
    T("brightwave-vat", "mitchell", "Invoice R-2026-0095518 – VAT ID missing", "2026-09-10 11:30", "jaschke", (
        C(0, """
            Dear Sir or Madam,

            Please find attached your invoice R-2026-0095518 for our Berlin office. Our accounts department has pointed out that our German VAT ID (DE000111222) is missing, which we need for input tax deduction. Could you please issue a corrected invoice?

            Kind regards,
        """, attach=(("R-2026-0095518.pdf", "Invoice R-2026-0095518\nBrightwave Software Ltd, Berlin office\n"
                                             "Business Fibre 1000: 249,00 EUR net\nVAT ID of recipient: (missing)"),)),
        A(22, """
            thank you for pointing this out. Your VAT ID has now been added to your customer account, and I've attached the corrected invoice. All future invoices will include it automatically.
        """, attach=(("R-2026-0095518-K.pdf", "Invoice R-2026-0095518-K (corrected)\nBrightwave Software Ltd, Berlin office\n"
                                               "Business Fibre 1000: 249,00 EUR net\nVAT ID of recipient: DE000111222"),)),
        C(4, """
            Perfect, thank you – that was quick.

            Kind regards,
        """),
    )),
    T("brightwave-outage", "okafor", "Outage last night – RFO requested", "2026-10-22 08:05", "demir", (
        C(0, """
            Hi,

            our fibre line in Berlin was down last night from about 01:10 to 03:45 (our monitoring shows the WAN interface dropping). Not business-critical at that time, but we'd like to understand what happened. Was this planned maintenance? We didn't receive a notice.

            Can you send us a reason for outage?

            Cheers,
        """),
        A(5, """
            thanks for reaching out. This was unplanned: a line card in our Berlin-Mitte point of presence failed at 01:08 and was replaced by the on-call team. Service was restored at 03:44.

            Your contract includes our Business SLA with a 4-hour response time, which was met. Since the outage lasted less than 4 hours, no SLA credit applies, but I'll send you the full RFO document once our network operations team has completed it (usually within 5 working days).
        """),
        C(2, """
            Thanks. Please do send the RFO. Also, is there any way to get notified proactively? We'd rather hear it from you than from our monitoring.
        """),
        A(90, """
            attached is the RFO. Regarding proactive notifications: you can subscribe to our network status page for your location, and I've added your email address to the list of technical contacts who are notified of incidents and planned maintenance affecting your line.
        """, attach=(("RFO_ST-2026-10-93480.pdf", "Reason for Outage ST-2026-10-93480\nCustomer: Brightwave Software Ltd\n"
                                                   "Start: 22.10.2026 01:08 CEST\nEnd: 22.10.2026 03:44 CEST\n"
                                                   "Cause: line card failure, PoP Berlin-Mitte"),)),
    )),
    T("brightwave-sims", "okafor", "5 business eSIMs for the Berlin team", "2026-11-02 10:10", "carstensen", (
        C(0, """
            Hi Björn,

            we'd like to add 5 business mobile SIMs to our account for the Berlin team – ideally eSIMs, all on the same plan with 30 GB and EU roaming. Could you send me a quote? Bonus points if they can be billed on the same invoice as the fibre line.

            Cheers,
        """),
        A(20, """
            happy to! For 5 eSIMs on "Business Mobil L" (30 GB, EU roaming included, unlimited calls) the price is €24.90 net each per month with a 24-month term, and there's no activation fee if you order before 30 November. Everything can be billed on your existing invoice (KD-200955). The quote is attached.
        """, attach=(("Quote_AN-2026-0577_Brightwave.pdf",
                      "Quote AN-2026-0577\nBrightwave Software Ltd\n5 x Business Mobil L (eSIM): 24,90 EUR net each/month\n"
                      "Activation fee: waived until 30.11.2026"),)),
        C(26, """
            Looks good – please go ahead. The eSIM QR codes should be sent to me, I'll distribute them.

            Cheers,
        """),
        A(22, """
            done – order NL-2026-11-60317 is placed. The 5 eSIM activation letters will be sent to you by post (for security reasons not by email) and should arrive within 3 working days.
        """),
    ), mailbox="vertrieb", ticket=False),
    T("whitfield-meter", "whitfield", "Smart meter installation – what do I need to do?", "2026-11-16 19:20", "okoye", (
        C(0, """
            Hi Grace,

            I received a letter (in German, of course) saying that a "moderne Messeinrichtung" will be installed in our building on 26 November. Do I need to be at home? And will this change anything about my contract or my bill?

            Cheers,
        """),
        A(16, """
            good news – nothing changes about your contract. The letter comes from the metering point operator, who is replacing the old electricity meters in your building with digital ones, as required by law. The new meter shows your consumption digitally but doesn't send any data by itself.

            You only need to be at home if your meter is inside your flat; if the meters are in the basement, the landlord or caretaker usually lets the technician in. Electricity will be off for about 15 minutes during the swap.
        """),
        C(3, """
            Meters are in the basement, so I'm off the hook. Thanks as always!
        """),
    )),
)
