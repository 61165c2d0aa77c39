"""More authored core sentences: payment/banking apps, IT/SaaS support, transport
and short dialogue turns, plus social-media style posts.

Why separate: the first fragment files are retail/telecom/energy heavy.
Customers of a communicative CRM also include banks/fintechs, software
vendors and transport operators, and chat channels produce many short turns
("yes please", "that's all") that must fall back to ``other``.  Same
conventions: one utterance per line, ``!`` marks a complaint.
"""

from __future__ import annotations

CORE_DE: dict[str, str] = {
    "order_status": """
Wie lange dauert es, bis die Karte bei mir ist, wenn ich sie heute bestelle?
Kann ich sehen, ob meine Karte schon verschickt wurde?
Die Lizenzschlüssel für unsere Bestellung sind noch nicht gekommen, wann werden sie verschickt?
Wann wird die Hardware für unser Büro ausgeliefert?
Ist die Ersatzlieferung schon unterwegs?
!Ich habe die Karte vor drei Wochen bestellt und sie ist immer noch nicht angekommen.
!Die bestellten Laptops für unser Team sind seit Tagen überfällig.
!Wir warten seit einem Monat auf die zugesagte Lieferung der Zähler.
""",
    "cancellation": """
Wie kann ich eine geplante Überweisung wieder stornieren?
Bitte den Dauerauftrag an meinen Vermieter löschen.
Wir möchten unsere Softwarelizenz zum Ende der Laufzeit kündigen.
Bitte das Team-Abo auf drei Nutzer reduzieren und den Rest kündigen.
Ich möchte meine Kreditkarte kündigen, ich brauche sie nicht mehr.
Bitte löschen Sie mein Konto in der App.
Ich möchte die Buchung für das Hotelzimmer stornieren.
!Ich habe die Überweisung sofort storniert, aber das Geld ist trotzdem weg.
!Wir haben die Lizenz fristgerecht gekündigt und trotzdem eine Verlängerungsrechnung bekommen.
""",
    "billing_payment": """
!Warum wurde meine Zahlung abgelehnt?
!Wieso wurde mir schon wieder eine Gebühr berechnet?
!Warum ist der Betrag auf der Abrechnung höher als vereinbart?
Wie viel kostet eine Abhebung am Geldautomaten im Ausland?
Welche Gebühren fallen beim Währungsumtausch an?
Warum ist meine Kartenzahlung noch als ausstehend markiert?
Wie lange dauert es, bis eine Zahlung gebucht wird?
Können Sie mir eine Rechnung für das Jahresabo der Software schicken?
Wir brauchen die Rechnungen künftig an die Buchhaltung adressiert.
Wie wird der Preis pro Nutzer bei unserem Business-Plan berechnet?
Fällt eine Gebühr an, wenn ich per Überweisung auflade?
!Da ist eine Kartenzahlung auf meinem Konto, die ich nicht gemacht habe.
!Beim Geldabheben wurde mir eine Gebühr berechnet, von der nirgends etwas stand.
!Eine Lastschrift wurde abgebucht, die ich nicht kenne.
!Meine Überweisung wurde abgelehnt und ich weiß nicht warum.
!Uns wurden für den Monat doppelt so viele Lizenzen berechnet, wie wir haben.
!Die Zahlung hängt seit Tagen auf ausstehend und das Geld ist trotzdem weg.
""",
    "refund_return": """
!Schicken Sie mir jetzt endlich meine Erstattung.
!Warum ist meine Rückerstattung immer noch nicht da?
Wie bekomme ich Geld für eine Zahlung zurück, die ich versehentlich doppelt gemacht habe?
Kann ich eine Erstattung für ungenutzte Lizenzen bekommen?
Wann wird die Rückbuchung auf meinem Konto sichtbar sein?
Ich möchte das Geld für die abgebrochene Buchung zurück.
Wie lange dauert die Rückerstattung auf die Kreditkarte?
!Die Rückerstattung des Händlers wird mir immer noch nicht angezeigt.
!Ich habe eine Erstattung beantragt, aber das Geld ist nie angekommen.
!Das Hotel hat meine Stornierung bestätigt, die Anzahlung aber nicht zurückgezahlt.
""",
    "technical_problem": """
!Warum kann ich kein Geld abheben?
!Wieso funktioniert meine Karte nicht?
!Warum kann ich mich seit gestern nicht mehr einloggen?
!Warum lädt die Seite nicht?
Wie verbinde ich Ihre Software mit unserem CRM?
Wie richte ich die Integration mit Microsoft Teams ein?
Gibt es eine Anleitung für die API-Authentifizierung?
Welche Systemvoraussetzungen hat die neue Version?
!Unser Server ist seit heute früh nicht erreichbar, alle Nutzer sind betroffen.
!Nach dem Update startet die Software nicht mehr, es kommt ein Datenbankfehler.
!Die Synchronisation mit der Cloud schlägt seit gestern fehl.
!Die Aufladung per Karte wurde abgebrochen und mein Guthaben ist nicht gestiegen.
!Meine Karte wurde am Automaten nicht akzeptiert.
!Die Bestätigungs-SMS kommt nie an, ich kann mich nicht anmelden.
!Kontaktlos zahlen funktioniert seit der neuen Karte nicht.
!Der VPN-Zugang bricht ständig ab, niemand im Team kann arbeiten.
!Beim Export der Berichte kommt jedes Mal eine Fehlermeldung.
!Die Verifizierung meiner Identität klappt nicht, das Foto wird immer abgelehnt.
!Unsere Webseite ist nach der Migration extrem langsam.
""",
    "account_data_change": """
Wie ändere ich meine persönlichen Daten in der App?
Ich möchte meine Telefonnummer für die Zwei-Faktor-Anmeldung ändern.
Bitte fügen Sie einen neuen Administrator für unser Firmenkonto hinzu.
Wir haben eine neue Firmenadresse, bitte in den Stammdaten ändern.
Bitte ändern Sie die Kontaktperson für unseren Vertrag auf Herrn Weber.
Kann ich meinen Vornamen in der App selbst ändern?
""",
    "product_question": """
Kann ich die Karte auch im Ausland zum Bezahlen nutzen?
Gibt es eine virtuelle Karte für Online-Einkäufe?
Welche Karten akzeptieren Sie zum Aufladen?
Ist Ihre Software DSGVO-konform und wo stehen die Server?
Unterstützt die Software auch Single Sign-on?
Gibt es eine Testversion für 30 Tage?
Was ist im Premium-Paket enthalten?
Gibt es ein Limit für Aufladungen pro Monat?
Kann ich mit der Karte Geld in anderen Währungen halten?
Haben Sie auch eine Lösung für Arztpraxen?
""",
    "appointment_callback": """
Können wir für nächste Woche eine Produktdemo vereinbaren?
Ich hätte gerne einen Termin mit einem Berater wegen einer Baufinanzierung.
Bitte um einen Rückruf von Ihrem Vertrieb wegen eines Angebots für 50 Lizenzen.
Wann hätte Ihr Techniker Zeit für ein Onboarding-Gespräch?
""",
    "feedback_praise": """
Das Onboarding mit Ihrem Team war hervorragend, vielen Dank.
Die neue Version läuft super stabil, großes Lob an die Entwickler.
Danke, dass die Erstattung so schnell ging!
Ihr Support hat mir heute wirklich den Tag gerettet.
""",
    "other": """
!Ich glaube, jemand hat Geld von meiner Karte gestohlen.
!Warum wird meine Überweisung nicht ausgeführt?
Ja, bitte.
Nein danke.
Genau, das meinte ich.
Es geht um ein bestehendes Konto.
Das wäre alles.
Alles klar, bis dann.
Moment, ich schaue nach.
Ja genau, am Dienstag.
Wie kann ich Geld an einen Freund senden?
Wie aktiviere ich meine neue Karte?
Wie erhöhe ich mein Überweisungslimit?
Kann ich einen Kredit bei Ihnen beantragen?
Wie lege ich einen Dauerauftrag an?
Ich möchte ein Sparkonto eröffnen.
Kann ich Bargeld in einer Filiale einzahlen?
Wir suchen einen Partner für unser Digitalprojekt, haben Sie Interesse?
Ich möchte mehr über Ihr Unternehmen erfahren.
Bahn erhöht zum Fahrplanwechsel die Zahl der Verbindungen nach Dresden.
Neue S-Bahn-Linie soll ab 2025 den Flughafen anbinden.
Fahre morgen mit dem Zug nach Hamburg, freu mich schon.
Heute in der Bahn einen alten Schulfreund getroffen.
Ab Montag gilt der neue Fahrplan im Regionalverkehr.
Wie funktioniert das Deutschlandticket im Abo?
Streik der Lokführer angekündigt, Verhandlungen laufen weiter.
!@DB_Bahn Zug fällt schon wieder aus, keine Info am Bahnsteig #bahnchaos
!Seit einer Stunde stehen wir vor Fulda und keiner sagt was. Danke Bahn.
!Die Sitze im neuen ICE sind einfach unbequem.
!Komplett überfüllter Zug, die Hälfte steht im Gang. Reservierung nutzlos.
!Der Schaffner war total unfreundlich zu einer älteren Dame.
!Die App zeigt pünktlich an, der Zug ist aber 30 Minuten zu spät. Toll.
!Ausfall, Verspätung, kaputte Türen, und das jeden Tag auf meiner Strecke.
!Der Fahrkartenautomat nimmt kein Geld und der Schalter ist zu.
!Unfreundlicher Umgang am Schalter, so behandelt man keine Kunden.
!Die Überweisung an meinen Freund wurde blockiert und keiner erklärt mir warum.
!Der Geldautomat hat mir weniger Geld ausgezahlt als abgebucht wurde.
""",
}

CORE_EN: dict[str, str] = {
    "order_status": """
If I order a card today, how long will it take to arrive?
Can I see whether my card has been sent yet?
The licence keys for our order haven't come through yet, when will they be sent?
When will the hardware for our office be delivered?
Is the replacement shipment on its way?
!I ordered my card three weeks ago and it still hasn't arrived.
!The laptops we ordered for the team are days overdue.
!We've been waiting a month for the meters you promised to deliver.
""",
    "cancellation": """
How do I cancel a scheduled transfer?
Please delete the standing order to my landlord.
We want to cancel our software licence at the end of the term.
Please reduce the team plan to three seats and cancel the rest.
I want to cancel my credit card, I don't need it any more.
Please delete my account in the app.
I need to cancel my hotel room booking.
!I cancelled the transfer straight away but the money is gone anyway.
!We cancelled the licence on time and still got a renewal invoice.
""",
    "billing_payment": """
!Why was my payment declined?
!Why was I charged a fee again?
!Why is the amount on my bill higher than agreed?
How much does it cost to withdraw cash abroad?
What fees apply when I exchange currency?
Why is my card payment still showing as pending?
How long does it take for a payment to go through?
Can you send me an invoice for the annual software subscription?
Please address future invoices to our accounts department.
How is the per-seat price on our business plan calculated?
!There's a card payment on my account that I didn't make.
!I was charged a fee for a cash withdrawal that wasn't mentioned anywhere.
!A direct debit was taken that I don't recognise.
!My transfer was declined and I don't know why.
!We were billed for twice as many seats as we have this month.
!The payment has been pending for days and the money is gone anyway.
!The exchange rate applied to my purchase was way off.
""",
    "refund_return": """
!Please send my refund now.
!Why is my refund still not here?
How do I get back money for a payment I made twice by mistake?
Can I get a refund for unused licences?
When will the reversed payment show in my account?
I'd like my money back for the cancelled booking.
How long does a refund to a credit card take?
!The merchant's refund still isn't showing in my account.
!I requested a refund but the money never arrived.
!The hotel confirmed my cancellation but never returned the deposit.
""",
    "technical_problem": """
!Why can't I withdraw money?
!Why isn't my card working?
!Why can't I log in since yesterday?
!Why won't the page load?
How do I connect your software to our CRM?
How do I set up the Microsoft Teams integration?
Is there a guide for API authentication?
What are the system requirements for the new version?
!Our server has been unreachable since this morning, all users are affected.
!After the update the software won't start, it shows a database error.
!Cloud sync has been failing since yesterday.
!My top-up by card was cancelled and my balance didn't go up.
!My card was rejected at the ATM.
!The verification text never arrives so I can't log in.
!Contactless hasn't worked since I got the new card.
!The VPN keeps disconnecting, nobody on the team can work.
!Exporting reports throws an error every single time.
!Identity verification keeps failing, my photo is always rejected.
!Our website has been extremely slow since the migration.
""",
    "account_data_change": """
How do I change my personal details in the app?
I want to change the phone number used for two-factor login.
Please add a new administrator to our company account.
We have a new company address, please update our records.
Please change the contact person on our contract to Mr Weber.
Can I change my first name in the app myself?
""",
    "product_question": """
Can I use the card to pay abroad?
Do you offer a virtual card for online shopping?
Which cards can I use to top up?
Is your software GDPR compliant and where are the servers?
Does the software support single sign-on?
Is there a 30-day trial?
What's included in the premium package?
Is there a monthly top-up limit?
Can I hold money in other currencies on the card?
Do you have a solution for medical practices?
""",
    "appointment_callback": """
Can we schedule a product demo for next week?
I'd like an appointment with an advisor about a mortgage.
Please have your sales team call me about a quote for 50 licences.
When could your engineer do an onboarding call with us?
""",
    "feedback_praise": """
Onboarding with your team was excellent, thank you.
The new version is rock solid, kudos to the developers.
Thanks for processing the refund so quickly!
Your support really saved my day today.
""",
    "other": """
!I think someone stole money from my card.
!Why hasn't my transfer gone through?
Yes, please.
No thanks.
Exactly, that's what I meant.
It's about an existing account.
That's all.
Alright, bye.
Hang on, let me check.
Yes, on Tuesday.
definitely not
How can I send money to a friend?
How do I activate my new card?
How do I increase my transfer limit?
Can I apply for a loan with you?
How do I set up a standing order?
I'd like to open a savings account.
Can I deposit cash at a branch?
We're looking for a partner for our digital project, are you interested?
I'd like to learn more about your company.
What time does the last train to Brighton leave?
Could you tell me a joke?
Set a reminder for my dentist appointment.
Heading to the station now, see you soon.
The new timetable starts on Monday.
!Train cancelled again and no information on the platform.
!We've been stuck outside Reading for an hour and nobody says anything.
!Completely packed train, half of us standing. Reservations are pointless.
!The conductor was really rude to an elderly lady.
!The ticket machine doesn't take cash and the ticket office is closed.
!The ATM gave me less cash than it took from my account.
!My transfer to my friend was blocked and nobody will tell me why.
!Someone took money from my account without my permission.
""",
}
