"""Authored support-ticket fragments ("subject + body" mails), German and English.

Why: business customers of IT/SaaS, telecom, utilities and retail write to a
help desk in a ticket register that the consumer-chat fragments do not cover:
a subject line, a formal greeting, a sentence about who they are and what they
use, the actual problem or request, what they already tried, a request for
action and a sign-off.  The generator (``_ticket_rows``) combines these parts;
every part is our own writing, from the intent definitions in
``crm_intent_map.tsv`` (queue mapping of ticketing systems):

* technical_problem: something does not work (outage, bug, crash, login,
  sync, integration, hardware, network, security incident) -- IT support,
  technical support, service outages and maintenance;
* product_question: how a product works or what it offers (features,
  configuration how-to, compatibility, licences, pricing plans, demos) --
  product support, sales and pre-sales;
* billing_payment: invoices, charges, payment methods, subscription fees;
* refund_return: returning or exchanging goods, asking for money back;
* other: general enquiries, customer-service matters, HR requests, data
  protection requests, partnerships, feedback.

Ticket rows carry no complaint label (``complaint`` missing): a ticket queue
says nothing about whether the writer is unhappy, and guessing would teach
the complaint output "long formal mail = complaint".

Slots in ``{braces}`` are filled from ``SLOTS_*``.
"""

from __future__ import annotations

# --------------------------------------------------------------------------
# German
# --------------------------------------------------------------------------
SLOTS_DE: dict[str, list[str]] = {
    "app": ["unsere Projektmanagement-Software", "das CRM-System", "die Cloud-Plattform", "unser ERP-System",
            "die Buchhaltungssoftware", "das Kundenportal", "die Datenanalyse-Plattform", "Microsoft 365",
            "die Collaboration-Suite", "das Ticketsystem", "die Marketing-Automatisierung", "die Zeiterfassung",
            "den Online-Shop", "das Warenwirtschaftssystem", "die Videokonferenz-Lösung", "das Intranet",
            "die Backup-Lösung", "die SaaS-Anwendung", "das Dashboard", "die mobile App",
            "das Patientenverwaltungssystem", "die Lagerverwaltung", "den Cloud-Speicher",
            "die E-Mail-Plattform", "das Reporting-Tool", "die HR-Software", "die Kassensoftware"],
    "device": ["der Laptop", "der Drucker", "der Router", "das Firmen-Handy", "der Server", "das Tablet",
               "der Monitor", "die Dockingstation", "das NAS", "der Scanner", "das Headset",
               "der Kartenleser", "die Telefonanlage", "das Modem", "der Access Point"],
    "org": ["ein mittelständisches Unternehmen", "eine Marketingagentur", "eine Arztpraxis",
            "ein Logistikunternehmen", "eine Steuerkanzlei", "ein Online-Händler", "eine Universität",
            "ein Krankenhaus", "ein Finanzdienstleister", "ein kleines Start-up", "eine Behörde",
            "ein Architekturbüro", "ein Energieversorger", "ein Einzelhändler mit mehreren Filialen",
            "eine Versicherungsagentur", "ein Hotel", "eine Schule", "eine Anwaltskanzlei"],
    "plan": ["Business-Tarif", "Premium-Abo", "Enterprise-Lizenz", "Basis-Paket", "Jahresabo",
             "Team-Plan", "Pro-Version", "Standard-Tarif"],
    "num": ["4711", "10293", "88231", "55012", "3391", "72004", "19877", "60410"],
    "amount": ["49,90 €", "129 €", "1.250 €", "89,00 Euro", "349 Euro", "19,99 €", "2.400 €", "560 €"],
    "date": ["15. März", "3. Mai", "letzten Montag", "vergangenen Freitag", "1. des Monats", "20.10.",
             "Anfang der Woche", "gestern"],
    "name": ["Max Müller", "Anna Schmidt", "Jonas Becker", "Laura Wagner", "Thomas Keller", "Sabine Hoffmann",
             "Ihr IT-Team", "Lena Fischer", "M. Weber", ""],
    "product": ["den Laptop", "das Smartphone", "den Drucker", "die Kamera", "das Headset", "den Monitor",
                "die Software-Lizenz", "die Kaffeemaschine", "den Router", "das Tablet", "die Smartwatch",
                "die Tastatur", "den Staubsauger", "die Lautsprecher"],
}

GREETINGS_DE: list[str] = [
    "Sehr geehrtes Support-Team,", "Sehr geehrte Damen und Herren,", "Hallo Support,", "Guten Tag,",
    "Sehr geehrter Kundenservice,", "Liebes Support-Team,", "Hallo zusammen,", "Moin,", "Hallo,", "",
    "Sehr geehrtes Kundenservice-Team,", "Guten Morgen,",
]
INTROS_DE: list[str] = [
    "Wir sind {org} und nutzen seit einiger Zeit {app}.",
    "Ich schreibe Ihnen im Namen unseres Unternehmens, wir arbeiten täglich mit {app}.",
    "Als {org} sind wir auf {app} angewiesen.",
    "Ich bin für die IT in unserem Team zuständig.",
    "Wir haben den {plan} bei Ihnen gebucht.",
    "Unsere Kundennummer lautet {num}.",
    "Ich wende mich an Sie bezüglich {app}.",
    "", "", "",
]
TRIED_DE: list[str] = [
    "Ich habe das Gerät bereits neu gestartet, leider ohne Erfolg.",
    "Den Cache haben wir bereits geleert und den Browser gewechselt.",
    "Ein Neustart und eine Neuinstallation haben nichts geändert.",
    "Die Zugangsdaten haben wir bereits mehrfach überprüft.",
    "Wir haben die Firewall-Regeln kontrolliert, dort ist nichts auffällig.",
    "Auch mit einem anderen Benutzerkonto tritt der Fehler auf.",
    "Die Treiber sind auf dem neuesten Stand.",
    "Das Problem tritt sowohl im Büro als auch im Homeoffice auf.",
    "Laut Statusseite gibt es keine bekannte Störung.",
    "Ein Screenshot der Fehlermeldung ist angehängt.",
]
CLOSINGS_DE: list[str] = [
    "Mit freundlichen Grüßen {name}", "Vielen Dank im Voraus. {name}", "Beste Grüße {name}", "Danke und Gruß",
    "Freundliche Grüße", "Ich freue mich auf Ihre Rückmeldung.", "Vielen Dank für Ihre Unterstützung!",
    "Viele Grüße {name}", "", "",
]

SUBJECTS_DE: dict[str, list[str]] = {
    "technical_problem": [
        "Dringend: Systemausfall", "Störung bei {app}", "Fehlermeldung beim Login", "Problem mit der Synchronisation",
        "Server nicht erreichbar", "Absturz nach Update", "VPN-Verbindung bricht ab", "Drucker funktioniert nicht",
        "Datenverlust nach Update", "Integration funktioniert nicht mehr", "Sicherheitsvorfall", "Performance-Probleme",
        "Anmeldung nicht möglich", "E-Mails kommen nicht an", "Netzwerkprobleme im Büro", "Fehler beim Export",
        "Technisches Problem", "Ausfall der Telefonanlage", "Laptop startet nicht", "Internetstörung",
        "Wartungsarbeiten: Dienst weiterhin gestört", "Probleme mit der API", "Datenbankfehler",
        "Hilfe benötigt: Fehler 500", "Synchronisationsfehler", "Verbindungsprobleme",
    ],
    "product_question": [
        "Frage zu den Funktionen", "Anfrage zur Enterprise-Version", "Informationen zu Ihren Tarifen",
        "Frage zur Kompatibilität", "Angebot für Lizenzen", "Produktanfrage", "Demo-Termin gewünscht",
        "Frage zur Einrichtung", "Unterstützt {app} Single Sign-On?", "Frage zu Schnittstellen",
        "Informationen zu Ihrem Produkt", "Anfrage: Preise und Pakete", "Wie konfiguriere ich Benutzerrollen?",
        "Frage zur Datenspeicherung", "Testversion", "Anfrage zu Upgrade-Optionen", "Produktberatung",
        "Vergleich der Pakete", "Frage zur Nutzung", "Funktionsumfang", "Erweiterung um weitere Nutzer",
    ],
    "billing_payment": [
        "Frage zur Rechnung", "Doppelte Abbuchung", "Rechnung {num}", "Zahlungsproblem", "Falscher Rechnungsbetrag",
        "Änderung der Zahlungsmethode", "Mahnung erhalten", "Abrechnung des Abonnements", "Rechnungsanschrift ändern",
        "Unklare Position auf der Rechnung", "Kreditkartenzahlung fehlgeschlagen", "Lastschrift",
        "Rechnungskopie benötigt", "Preiserhöhung", "Zahlung nicht verbucht", "Abrechnungsfehler",
    ],
    "refund_return": [
        "Rücksendung", "Rückerstattung", "Umtausch eines defekten Geräts", "Retoure {num}", "Defektes Produkt erhalten",
        "Rückgabe", "Erstattung beantragt", "Falscher Artikel geliefert", "Garantiefall", "Geld zurück",
        "Umtausch", "Reklamation", "Rücksendeetikett",
    ],
    "other": [
        "Allgemeine Anfrage", "Anfrage", "Frage zum Datenschutz", "Auskunft nach DSGVO", "Kooperationsanfrage",
        "Feedback", "Urlaubsantrag", "Frage zur Gehaltsabrechnung", "Onboarding neuer Mitarbeiter", "Kontaktperson",
        "Information", "Terminanfrage", "Anfrage zu Öffnungszeiten", "Unterlagen angefordert", "Rückruf",
        "Frage zu Weiterbildung", "Bewerbung", "Änderung der Ansprechperson", "Ihre Nachricht vom {date}",
        "Kundenservice", "Hinweis", "Anfrage zur Nachhaltigkeit",
    ],
}

CORE_DE: dict[str, list[str]] = {
    "technical_problem": [
        "Seit heute Morgen ist {app} für alle Mitarbeitenden nicht mehr erreichbar.",
        "Nach dem letzten Update stürzt {app} beim Öffnen von Berichten ab.",
        "Wir können uns seit gestern nicht mehr anmelden, es erscheint die Meldung 'Ungültige Sitzung'.",
        "Die Synchronisation zwischen {app} und unseren mobilen Geräten funktioniert nicht mehr.",
        "Unser {device} wird im Netzwerk nicht mehr erkannt.",
        "Die VPN-Verbindung bricht ständig ab, sodass im Homeoffice kein Arbeiten möglich ist.",
        "Beim Export von Daten erhalten wir immer einen Fehler 500.",
        "Die Schnittstelle zu unserem Buchhaltungssystem liefert seit Tagen keine Daten mehr.",
        "Wir haben einen möglichen Sicherheitsvorfall festgestellt: Unbekannte Anmeldungen aus dem Ausland.",
        "Nach einem Stromausfall startet {device} nicht mehr.",
        "Die Ladezeiten von {app} sind seit der Wartung extrem hoch.",
        "E-Mails an externe Empfänger werden nicht zugestellt und landen im Postausgang.",
        "Mehrere Datensätze sind nach dem Update verschwunden.",
        "Die Zwei-Faktor-Authentifizierung sendet keine Codes mehr.",
        "Unser Internetanschluss fällt mehrmals täglich aus.",
        "Die Telefonanlage ist seit heute früh gestört, eingehende Anrufe kommen nicht an.",
        "Die Datenbank meldet beim Speichern einen Timeout.",
        "Das Dashboard zeigt falsche bzw. veraltete Zahlen an.",
        "Beim Hochladen größerer Dateien bricht der Vorgang bei 99 % ab.",
        "Der geplante Wartungszeitraum ist vorbei, aber der Dienst ist weiterhin nicht verfügbar.",
        "Die Kassensoftware friert mehrmals am Tag ein.",
        "{device} druckt nur noch leere Seiten.",
        "Die Integration mit Salesforce wirft seit dem Update eine Fehlermeldung.",
        "Die Backups sind seit einer Woche fehlgeschlagen, ohne dass wir benachrichtigt wurden.",
        "Unsere Webseite ist seit der Migration auf Ihre Server nicht mehr erreichbar.",
        "Benutzer werden nach wenigen Minuten automatisch abgemeldet.",
        "Die Videokonferenzen brechen nach etwa zehn Minuten ab, Ton und Bild frieren ein.",
        "Die App stürzt auf Android-Geräten direkt nach dem Start ab.",
        "Das Zertifikat unserer Domain wird als ungültig angezeigt.",
        "In der Cloud-Umgebung gibt es Verbindungsabbrüche zwischen den Diensten.",
        "Der Zugriff auf freigegebene Ordner wird plötzlich verweigert.",
        "Wir vermuten einen Virus, mehrere Rechner sind extrem langsam.",
        "Seit der Umstellung funktioniert die automatische Rechnungserstellung nicht mehr.",
        "Unser Mobilfunkempfang im Büro ist seit Tagen sehr schlecht, Gespräche brechen ab.",
        "Der Stromzähler überträgt keine Daten mehr an das Portal.",
        "Die Lagerbestände werden im System nicht korrekt aktualisiert.",
        "Es kommt zu Datenverlust, wenn mehrere Nutzer gleichzeitig bearbeiten.",
        "Nach dem Firmware-Update bootet {device} in einer Schleife.",
        "Das Patientenverwaltungssystem reagiert nicht mehr, Termine können nicht eingetragen werden.",
        "Wir erhalten bei jedem API-Aufruf den Statuscode 401, obwohl der Schlüssel gültig ist.",
        "das system hängt seit heute morgen komplett, bitte dringend prüfen",
        "Login geht nicht mehr, Passwort zurücksetzen klappt auch nicht.",
    ],
    "product_question": [
        "Wir überlegen, {app} einzuführen, und möchten wissen, welche Funktionen die Enterprise-Version enthält.",
        "Bietet Ihre Lösung eine Schnittstelle zu SAP oder DATEV?",
        "Ist es möglich, {app} auch offline zu nutzen?",
        "Wie kann ich Benutzerrollen und Berechtigungen für verschiedene Abteilungen einrichten?",
        "Unterstützt Ihre Plattform Single Sign-On über Azure AD?",
        "Könnten Sie uns ein Angebot für 50 Lizenzen erstellen?",
        "Welche Unterschiede gibt es zwischen dem {plan} und der Pro-Version?",
        "Werden die Daten in Rechenzentren in der EU gespeichert?",
        "Gibt es eine kostenlose Testversion für unser Team?",
        "Wir hätten gerne eine Produktdemonstration für unsere Geschäftsleitung.",
        "Ist {app} mit macOS und Linux kompatibel?",
        "Wie viele Nutzer können im {plan} maximal angelegt werden?",
        "Kann man Berichte automatisch per E-Mail versenden lassen?",
        "Lässt sich das Dashboard an unser Corporate Design anpassen?",
        "Gibt es Mengenrabatte für Bildungseinrichtungen oder gemeinnützige Organisationen?",
        "Welche Sicherheitszertifizierungen (z. B. ISO 27001) besitzt Ihr Unternehmen?",
        "Wie richte ich automatische Workflows in {app} ein?",
        "Welche Hardware empfehlen Sie für den Betrieb der Software mit 30 Arbeitsplätzen?",
        "Können wir bestehende Daten aus unserem alten System importieren?",
        "Wir interessieren uns für Ihre Glasfaser-Tarife für Geschäftskunden, welche Bandbreiten gibt es?",
        "Ist das Gerät mit unserem bestehenden Netzwerk kompatibel?",
        "Welche Ladezeiten hat die Wallbox und passt sie zu unserem Hausanschluss?",
        "Gibt es für den Drucker auch einen Wartungsvertrag?",
        "Wie funktioniert die Abrechnung bei zusätzlichen Nutzern im laufenden Jahr?",
        "Können Sie mir erklären, wie die Versionierung von Dokumenten funktioniert?",
        "Bieten Sie auch Schulungen für neue Anwender an?",
        "Welche Programmiersprachen unterstützt Ihr SDK?",
        "Ist eine Integration mit Shopify oder WooCommerce vorgesehen?",
        "Wie lange werden gelöschte Dateien im Papierkorb aufbewahrt?",
        "Unterstützt die Software mehrere Sprachen und Währungen?",
        "Können wir die Lösung auch auf unseren eigenen Servern betreiben?",
        "Gibt es eine API-Dokumentation, die wir vorab einsehen können?",
        "Welche Ökostrom-Tarife bieten Sie für Gewerbekunden an?",
        "wie kann man in {app} eigene felder anlegen?",
    ],
    "billing_payment": [
        "Auf unserer letzten Rechnung wurde der {plan} doppelt berechnet.",
        "Der Betrag von {amount} wurde zweimal von unserem Konto abgebucht.",
        "Wir haben eine Mahnung erhalten, obwohl die Rechnung {num} bereits am {date} bezahlt wurde.",
        "Bitte ändern Sie unsere Zahlungsmethode von Kreditkarte auf SEPA-Lastschrift.",
        "Die Rechnung enthält Positionen für Lizenzen, die wir nicht bestellt haben.",
        "Können Sie uns eine korrigierte Rechnung mit unserer USt-IdNr. ausstellen?",
        "Unsere Kreditkartenzahlung wurde abgelehnt, wie können wir die Rechnung begleichen?",
        "Warum ist der monatliche Betrag ohne Ankündigung gestiegen?",
        "Wir benötigen eine Kopie aller Rechnungen des letzten Jahres für die Buchhaltung.",
        "Bitte ändern Sie die Rechnungsadresse auf unseren neuen Firmensitz.",
        "Die Zahlung vom {date} wurde in Ihrem Portal noch nicht als eingegangen angezeigt.",
        "Ist es möglich, von monatlicher auf jährliche Zahlung umzustellen?",
        "Die Abschlagszahlung für Strom ist viel zu hoch angesetzt.",
        "Auf der Mobilfunkrechnung stehen Gebühren für Roaming, obwohl wir nicht im Ausland waren.",
        "Wann wird der Betrag für das Jahresabo abgebucht?",
        "Wir möchten die Rechnungen künftig per E-Mail statt per Post erhalten.",
        "Für den laufenden Monat wurde ein falscher Steuersatz berechnet.",
        "Bitte erklären Sie die Position 'Servicepauschale' auf der Rechnung {num}.",
        "Unsere Lastschrift ist zurückgegangen, welche Gebühren fallen jetzt an?",
        "Können wir die offene Summe in Raten bezahlen?",
        "rechnung {num} stimmt nicht, wir haben nur 5 nutzer und nicht 8",
    ],
    "refund_return": [
        "Wir möchten {product} zurückgeben, da es nicht unseren Anforderungen entspricht.",
        "Das gelieferte Gerät ist defekt, bitte senden Sie uns ein Rücksendeetikett.",
        "Bitte erstatten Sie uns den Betrag von {amount} für die stornierte Bestellung.",
        "Wir haben einen falschen Artikel erhalten und möchten ihn umtauschen.",
        "Die Rücksendung ist seit zwei Wochen bei Ihnen, aber die Erstattung fehlt noch.",
        "Kann ich {product} innerhalb von 30 Tagen zurückgeben und den vollen Preis erstattet bekommen?",
        "Der Bildschirm des Laptops hat einen Pixelfehler, wir möchten ein Austauschgerät.",
        "Wir beantragen die Rückerstattung der ungenutzten Lizenzen.",
        "Wie läuft der Umtausch ab, wenn die Originalverpackung nicht mehr vorhanden ist?",
        "Bitte tauschen Sie die beschädigt gelieferte Ware aus.",
        "Das Abonnement wurde nach der Kündigung weiter abgebucht, bitte erstatten Sie die Beträge.",
        "Wir haben {product} im Rahmen der Garantie eingeschickt und warten auf Ersatz.",
        "Wie lange dauert die Bearbeitung einer Retoure bei Ihnen?",
        "Die Lieferung war unvollständig, wir möchten die fehlenden Teile erstattet bekommen.",
        "ich will {product} zurückschicken, wie geht das?",
    ],
    "other": [
        "Wir möchten gerne wissen, wer in Ihrem Unternehmen für Kooperationen zuständig ist.",
        "Bitte senden Sie uns eine Auskunft über alle gespeicherten personenbezogenen Daten gemäß Art. 15 DSGVO.",
        "Ich möchte einen Urlaubsantrag für den Zeitraum vom {date} stellen.",
        "Können Sie mir sagen, wann die Gehaltsabrechnung für diesen Monat verschickt wird?",
        "Für unseren neuen Kollegen benötigen wir die Onboarding-Unterlagen.",
        "Wir möchten Ihnen ein positives Feedback zur Zusammenarbeit geben.",
        "Bitte teilen Sie uns mit, wer künftig unser Ansprechpartner ist.",
        "Wir planen eine Veranstaltung und möchten Sie als Sponsor gewinnen.",
        "Wie sind Ihre Geschäftszeiten über die Feiertage?",
        "Bitte aktualisieren Sie unseren Ansprechpartner in Ihren Unterlagen.",
        "Gibt es bei Ihnen Möglichkeiten für Praktika oder Werkstudentenstellen?",
        "Wir haben Fragen zu Ihrer Nachhaltigkeitsstrategie.",
        "Ich möchte mich über den Stand meiner Anfrage vom {date} informieren.",
        "Bitte schicken Sie uns Ihre aktuellen AGB und den Auftragsverarbeitungsvertrag.",
        "Könnten Sie uns Informationen über Ihr Unternehmen für unsere Lieferantenbewertung zusenden?",
        "Ich habe eine Frage zu meinen Urlaubstagen und zur Überstundenregelung.",
        "Wir suchen einen Termin für ein persönliches Gespräch im nächsten Monat.",
        "Welche Weiterbildungsangebote gibt es für Mitarbeitende im Vertrieb?",
        "Bitte leiten Sie diese Nachricht an die zuständige Abteilung weiter.",
        "Ich möchte eine Veränderung meiner Arbeitszeit beantragen.",
        "Wir möchten über eine mögliche Partnerschaft im Bereich Digitalisierung sprechen.",
        "Vielen Dank für die schnelle Hilfe letzte Woche, alles funktioniert wieder.",
        "Haben Sie Informationen zu Ihren Standorten in Österreich und der Schweiz?",
        "Ich würde gerne an Ihrer Kundenumfrage teilnehmen, finde den Link aber nicht.",
        "Bitte bestätigen Sie den Eingang unserer Unterlagen.",
        "Wie kann ich meine Kontaktdaten im Kundenkonto aktualisieren?",
        "Bitte löschen Sie meine Daten aus Ihrem Newsletter-Verteiler.",
        "Ich wurde gebeten, mich wegen einer offenen Personalangelegenheit bei Ihnen zu melden.",
    ],
}

DETAILS_DE: dict[str, list[str]] = {
    "technical_problem": [
        "Betroffen sind etwa {num} Nutzer an zwei Standorten.", "Der Fehler tritt seit dem {date} auf.",
        "Unsere Arbeit ist dadurch stark eingeschränkt.", "Die Fehlermeldung lautet 'Connection timed out'.",
        "Es handelt sich um eine geschäftskritische Anwendung.", "Das Problem tritt nur bei Windows-Rechnern auf.",
        "Wir haben dringend Kundentermine, die davon abhängen.", "Andere Dienste funktionieren normal.",
    ],
    "product_question": [
        "Wir sind aktuell in der Evaluierungsphase.", "Unser Team umfasst etwa 40 Personen.",
        "Eine Entscheidung soll bis Ende des Quartals fallen.", "Wir nutzen derzeit ein Konkurrenzprodukt.",
        "Gerne auch mit einer Preisübersicht.", "Eine kurze Anleitung würde uns schon helfen.",
    ],
    "billing_payment": [
        "Die Kundennummer lautet {num}.", "Die Rechnung ist vom {date}.", "Der Betrag beträgt {amount}.",
        "Unsere Buchhaltung benötigt die Korrektur bis Monatsende.", "Einen Kontoauszug haben wir beigefügt.",
    ],
    "refund_return": [
        "Die Bestellnummer lautet {num}.", "Das Gerät wurde am {date} geliefert.", "Der Kaufpreis betrug {amount}.",
        "Fotos des Schadens sind angehängt.", "Die Ware ist unbenutzt und originalverpackt.",
    ],
    "other": [
        "Vielen Dank für Ihre Zeit.", "Die Angelegenheit ist nicht dringend.",
        "Bei Rückfragen bin ich telefonisch erreichbar.", "Wir sind seit Jahren zufriedene Kunden.",
    ],
}

ASKS_DE: dict[str, list[str]] = {
    "technical_problem": [
        "Bitte prüfen Sie das Problem so schnell wie möglich.", "Können Sie uns bei der Fehlerbehebung unterstützen?",
        "Wir bitten um dringende Unterstützung.", "Wann ist mit einer Lösung zu rechnen?",
        "Bitte geben Sie uns Bescheid, sobald die Störung behoben ist.", "Könnten Sie sich das bitte ansehen?",
    ],
    "product_question": [
        "Über weitere Informationen würden wir uns freuen.", "Könnten Sie uns dazu beraten?",
        "Bitte senden Sie uns Unterlagen dazu.", "Gerne auch in einem kurzen Telefonat.",
        "Vielen Dank für Ihre Auskunft.",
    ],
    "billing_payment": [
        "Bitte korrigieren Sie die Rechnung.", "Wir bitten um Klärung.", "Bitte prüfen Sie die Abrechnung.",
        "Bitte bestätigen Sie die Änderung.", "Wie sollen wir weiter vorgehen?",
    ],
    "refund_return": [
        "Bitte teilen Sie uns das weitere Vorgehen mit.", "Wir bitten um zeitnahe Erstattung.",
        "Bitte senden Sie uns ein Retourenlabel.", "Wie lange dauert die Erstattung?",
    ],
    "other": ["Vielen Dank im Voraus.", "Ich freue mich auf Ihre Antwort.", "Bitte melden Sie sich bei mir.", ""],
}

# --------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------
SLOTS_EN: dict[str, list[str]] = {
    "app": ["our project management tool", "the CRM platform", "the cloud dashboard", "our ERP system",
            "the accounting software", "the customer portal", "the analytics platform", "Microsoft 365",
            "the collaboration suite", "the ticketing system", "the marketing automation tool",
            "the time tracking app", "our online store", "the inventory system", "the video conferencing tool",
            "the intranet", "the backup service", "your SaaS application", "the reporting tool", "the mobile app",
            "the hospital records system", "the HR software", "the POS software", "the data warehouse"],
    "device": ["laptop", "printer", "router", "company phone", "server", "tablet", "monitor", "docking station",
               "NAS drive", "scanner", "headset", "card reader", "phone system", "modem", "access point"],
    "org": ["a mid-sized company", "a marketing agency", "a medical practice", "a logistics company",
            "an accounting firm", "an online retailer", "a university department", "a hospital",
            "a financial services firm", "a small startup", "a public agency", "an architecture firm",
            "a utility provider", "a retail chain", "an insurance broker", "a hotel", "a school", "a law firm"],
    "plan": ["Business plan", "Premium subscription", "Enterprise licence", "Basic package", "annual plan",
             "Team plan", "Pro version", "Standard tier"],
    "num": ["4711", "10293", "88231", "55012", "3391", "72004", "19877", "60410"],
    "amount": ["$49.90", "$129", "$1,250", "EUR 89", "$349", "$19.99", "$2,400", "GBP 560"],
    "date": ["March 15", "May 3", "last Monday", "last Friday", "the 1st", "10/20", "earlier this week",
             "yesterday"],
    "name": ["John Miller", "Sarah Johnson", "David Lee", "Emma Brown", "Michael Clark", "IT Department",
             "Priya Patel", "Tom", "J. Wilson", ""],
    "product": ["the laptop", "the smartphone", "the printer", "the camera", "the headset", "the monitor",
                "the software licence", "the coffee machine", "the router", "the tablet", "the smartwatch",
                "the keyboard", "the vacuum cleaner", "the speakers"],
}

GREETINGS_EN: list[str] = [
    "Dear Support Team,", "Dear Sir or Madam,", "Hello Support,", "Hi,", "Dear Customer Service,",
    "Hello team,", "Good morning,", "Hello,", "", "Dear Customer Support Team,", "Hi there,",
]
INTROS_EN: list[str] = [
    "We are {org} and have been using {app} for some time.",
    "I am writing on behalf of our company; we use {app} every day.",
    "As {org}, we rely heavily on {app}.",
    "I manage IT for our team.",
    "We are on the {plan}.",
    "Our customer number is {num}.",
    "I am contacting you regarding {app}.",
    "", "", "",
]
TRIED_EN: list[str] = [
    "I have already restarted the device, without success.",
    "We cleared the cache and tried a different browser.",
    "A restart and a reinstall did not change anything.",
    "We have double-checked the credentials.",
    "We checked the firewall rules and found nothing unusual.",
    "The error also happens with a different user account.",
    "All drivers are up to date.",
    "The issue occurs both in the office and when working from home.",
    "Your status page does not list any incident.",
    "A screenshot of the error message is attached.",
]
CLOSINGS_EN: list[str] = [
    "Best regards, {name}", "Thank you in advance. {name}", "Kind regards, {name}", "Thanks,",
    "Sincerely, {name}", "I look forward to your reply.", "Thank you for your help!", "Cheers, {name}", "", "",
]

SUBJECTS_EN: dict[str, list[str]] = {
    "technical_problem": [
        "Urgent: system outage", "Issue with {app}", "Login error", "Sync problem", "Server unreachable",
        "Crash after update", "VPN keeps disconnecting", "Printer not working", "Data loss after update",
        "Integration broken", "Security incident", "Performance issues", "Cannot sign in", "Emails not delivered",
        "Network problems in the office", "Export fails", "Technical issue", "Phone system down",
        "Laptop won't boot", "Internet outage", "Service still down after maintenance", "API errors",
        "Database error", "Help needed: error 500", "Connectivity problems",
    ],
    "product_question": [
        "Question about features", "Enterprise edition enquiry", "Information on pricing plans",
        "Compatibility question", "Quote for licences", "Product inquiry", "Request for a demo",
        "Setup question", "Does {app} support SSO?", "Question about integrations", "Information about your product",
        "Pricing and packages", "How to configure user roles?", "Data residency question", "Free trial",
        "Upgrade options", "Comparing plans", "Usage question", "Adding more users",
    ],
    "billing_payment": [
        "Question about my invoice", "Charged twice", "Invoice {num}", "Payment problem", "Incorrect invoice amount",
        "Change of payment method", "Payment reminder received", "Subscription billing", "Update billing address",
        "Unclear item on invoice", "Credit card payment failed", "Direct debit", "Copy of invoice needed",
        "Price increase", "Payment not recorded", "Billing error",
    ],
    "refund_return": [
        "Return request", "Refund", "Exchange of a faulty device", "Return {num}", "Received a defective product",
        "Refund requested", "Wrong item delivered", "Warranty claim", "Money back", "Exchange", "Return label",
    ],
    "other": [
        "General inquiry", "Inquiry", "Data protection question", "GDPR access request", "Partnership inquiry",
        "Feedback", "Leave request", "Payroll question", "Onboarding a new employee", "Contact person",
        "Information", "Meeting request", "Opening hours", "Documents requested", "Callback",
        "Training opportunities", "Job application", "Change of contact person", "Your message of {date}",
        "Customer service", "Sustainability question",
    ],
}

CORE_EN: dict[str, list[str]] = {
    "technical_problem": [
        "Since this morning {app} has been unreachable for all staff.",
        "After the latest update {app} crashes whenever we open a report.",
        "We have been unable to log in since yesterday; it says 'invalid session'.",
        "Syncing between {app} and our mobile devices has stopped working.",
        "Our {device} is no longer detected on the network.",
        "The VPN connection keeps dropping, so working from home is impossible.",
        "Every data export fails with an error 500.",
        "The integration with our accounting system has not returned any data for days.",
        "We detected a possible security incident: unknown sign-ins from abroad.",
        "After a power cut our {device} does not start any more.",
        "Load times in {app} have been extremely slow since the maintenance.",
        "Emails to external recipients are not delivered and stay in the outbox.",
        "Several records disappeared after the update.",
        "Two-factor authentication no longer sends codes.",
        "Our internet connection drops several times a day.",
        "The phone system has been down since early today; incoming calls do not come through.",
        "The database times out when saving.",
        "The dashboard shows wrong or outdated numbers.",
        "Uploads of larger files fail at 99%.",
        "The maintenance window is over but the service is still unavailable.",
        "The POS software freezes several times a day.",
        "The {device} only prints blank pages.",
        "The Salesforce integration throws an error since the update.",
        "Backups have been failing for a week without any notification.",
        "Our website has been down since the migration to your servers.",
        "Users are logged out automatically after a few minutes.",
        "Video calls drop after about ten minutes, audio and video freeze.",
        "The app crashes on Android right after launch.",
        "Our domain certificate is shown as invalid.",
        "Access to shared folders is suddenly denied.",
        "We suspect malware; several machines have become very slow.",
        "Since the switch, automatic invoice generation no longer works.",
        "Mobile reception in our office has been very poor for days and calls drop.",
        "The smart meter stopped sending readings to the portal.",
        "Stock levels are not updated correctly in the system.",
        "We lose data when several users edit at the same time.",
        "After the firmware update the {device} is stuck in a boot loop.",
        "Every API call returns status 401 although the key is valid.",
        "system is completely frozen since this morning, please check asap",
    ],
    "product_question": [
        "We are considering {app} and would like to know what the enterprise edition includes.",
        "Does your solution offer an integration with SAP or QuickBooks?",
        "Can {app} be used offline?",
        "How do I set up user roles and permissions for different departments?",
        "Does your platform support single sign-on with Azure AD?",
        "Could you send us a quote for 50 licences?",
        "What is the difference between the {plan} and the Pro version?",
        "Is our data stored in data centres in the EU?",
        "Is there a free trial for our team?",
        "We would like a product demo for our management team.",
        "Is {app} compatible with macOS and Linux?",
        "How many users can we add on the {plan}?",
        "Can reports be sent automatically by email?",
        "Can the dashboard be customised to our branding?",
        "Do you offer discounts for schools or non-profits?",
        "Which security certifications, such as ISO 27001 or SOC 2, do you hold?",
        "How do I configure automated workflows in {app}?",
        "What hardware do you recommend for running the software on 30 workstations?",
        "Can we import existing data from our old system?",
        "We are interested in your business fibre plans; what speeds are available?",
        "Is the device compatible with our existing network?",
        "Do you offer a maintenance contract for the printer?",
        "How is billing handled when we add users mid-year?",
        "Could you explain how document versioning works?",
        "Do you provide training for new users?",
        "Which programming languages does your SDK support?",
        "Is there an integration with Shopify or WooCommerce?",
        "Does the software support multiple languages and currencies?",
        "Can we host the solution on our own servers?",
        "Is the API documentation available before we sign up?",
        "how do i add custom fields in {app}?",
    ],
    "billing_payment": [
        "Our last invoice charged the {plan} twice.",
        "The amount of {amount} was debited from our account twice.",
        "We received a payment reminder although invoice {num} was paid on {date}.",
        "Please switch our payment method from credit card to direct debit.",
        "The invoice includes licences we never ordered.",
        "Could you issue a corrected invoice with our VAT number?",
        "Our credit card payment was declined; how else can we pay the invoice?",
        "Why did the monthly fee go up without notice?",
        "We need copies of all invoices from last year for our accountants.",
        "Please change the billing address to our new office.",
        "The payment from {date} is still not shown as received in your portal.",
        "Can we switch from monthly to annual billing?",
        "Our phone bill includes roaming charges although nobody travelled.",
        "When will the annual subscription be charged?",
        "Please explain the 'service fee' line on invoice {num}.",
        "Our direct debit bounced; what fees apply now?",
        "Can we pay the outstanding balance in instalments?",
        "invoice {num} is wrong, we only have 5 users not 8",
    ],
    "refund_return": [
        "We would like to return {product} as it does not meet our needs.",
        "The device we received is faulty; please send us a return label.",
        "Please refund {amount} for the cancelled order.",
        "We received the wrong item and would like to exchange it.",
        "Our return arrived at your warehouse two weeks ago but the refund is still missing.",
        "Can I return {product} within 30 days for a full refund?",
        "The laptop screen has dead pixels; we would like a replacement.",
        "We request a refund for the unused licences.",
        "How does an exchange work if we no longer have the original packaging?",
        "Please replace the goods that arrived damaged.",
        "The subscription kept charging after we cancelled; please refund those payments.",
        "We sent {product} in under warranty and are waiting for a replacement.",
        "How long does it take you to process a return?",
        "i want to send {product} back, how does that work?",
    ],
    "other": [
        "Could you tell us who handles partnerships at your company?",
        "Please send us a copy of all personal data you hold about me under the GDPR.",
        "I would like to request annual leave from {date}.",
        "When will this month's payslips be sent out?",
        "We need the onboarding documents for our new colleague.",
        "We wanted to share some positive feedback about working with you.",
        "Please let us know who our account manager will be going forward.",
        "We are planning an event and would like you as a sponsor.",
        "What are your business hours over the holidays?",
        "Are there internship or graduate positions at your company?",
        "We have questions about your sustainability policy.",
        "I would like an update on my request from {date}.",
        "Please send us your current terms and the data processing agreement.",
        "Could you send company information for our supplier assessment?",
        "I have a question about my holiday allowance and overtime rules.",
        "We would like to schedule an in-person meeting next month.",
        "What training programmes are available for sales staff?",
        "Please forward this message to the right department.",
        "We would like to discuss a possible partnership in digital services.",
        "Thanks for the quick help last week, everything works again.",
        "Do you have offices in Canada or Australia?",
        "Please confirm that you received our documents.",
        "Please remove me from your newsletter mailing list.",
    ],
}

DETAILS_EN: dict[str, list[str]] = {
    "technical_problem": [
        "About {num} users at two sites are affected.", "The error started on {date}.",
        "This severely limits our work.", "The error message reads 'Connection timed out'.",
        "This is a business-critical application.", "It only happens on Windows machines.",
        "Other services work normally.",
    ],
    "product_question": [
        "We are currently evaluating options.", "Our team has about 40 people.",
        "We plan to decide by the end of the quarter.", "We currently use a competitor's product.",
        "A price list would be helpful as well.", "A short guide would already help.",
    ],
    "billing_payment": [
        "Our customer number is {num}.", "The invoice is dated {date}.", "The amount is {amount}.",
        "Our accounts team needs the correction by month end.", "A bank statement is attached.",
    ],
    "refund_return": [
        "The order number is {num}.", "The device was delivered on {date}.", "The purchase price was {amount}.",
        "Photos of the damage are attached.", "The item is unused and in its original packaging.",
    ],
    "other": [
        "Thank you for your time.", "This is not urgent.", "I can be reached by phone for questions.",
        "We have been happy customers for years.",
    ],
}

ASKS_EN: dict[str, list[str]] = {
    "technical_problem": [
        "Please look into this as soon as possible.", "Can you help us troubleshoot?",
        "We urgently need support.", "When can we expect a fix?", "Please let us know once it is resolved.",
        "Could you take a look?",
    ],
    "product_question": [
        "We would appreciate more information.", "Could you advise us?", "Please send us documentation.",
        "A short call would also be fine.", "Thanks for the information.",
    ],
    "billing_payment": [
        "Please correct the invoice.", "Please clarify.", "Please review the billing.",
        "Please confirm the change.", "How should we proceed?",
    ],
    "refund_return": [
        "Please let us know the next steps.", "We ask for a prompt refund.", "Please send a return label.",
        "How long will the refund take?",
    ],
    "other": ["Thanks in advance.", "I look forward to hearing from you.", "Please get back to me.", ""],
}

TICKETS: dict[str, dict] = {
    "de": {"slots": SLOTS_DE, "greetings": GREETINGS_DE, "intros": INTROS_DE, "tried": TRIED_DE,
           "closings": CLOSINGS_DE, "subjects": SUBJECTS_DE, "core": CORE_DE, "details": DETAILS_DE,
           "asks": ASKS_DE},
    "en": {"slots": SLOTS_EN, "greetings": GREETINGS_EN, "intros": INTROS_EN, "tried": TRIED_EN,
           "closings": CLOSINGS_EN, "subjects": SUBJECTS_EN, "core": CORE_EN, "details": DETAILS_EN,
           "asks": ASKS_EN},
}

# Second batch: requests whose queue is billing, returns, product support or
# general service but which *describe a problem* first (a payment that fails
# in the portal, a defective device to be exchanged, a feature that behaves
# unexpectedly).  Ticket queues route these by what the customer needs, not
# by the words of the problem; the first batch made every problem
# description look technical.
_MORE_DE: dict[str, list[str]] = {
    "billing_payment": [
        "Beim Versuch, die offene Rechnung im Kundenportal zu bezahlen, erscheint eine Fehlermeldung und die Zahlung bricht ab.",
        "Nach dem Upgrade auf den {plan} wurde uns sowohl der alte als auch der neue Tarif berechnet.",
        "Im Abrechnungssystem wird unser Konto als überfällig angezeigt, obwohl alle Zahlungen erfolgt sind.",
        "Die Abbuchung für das Abonnement ist fehlgeschlagen und jetzt ist unser Zugang eingeschränkt.",
        "Wir stellen Unstimmigkeiten zwischen unseren Nutzungsdaten und den berechneten Beträgen fest.",
        "Die automatische Zahlung per Kreditkarte funktioniert seit dem Kartenwechsel nicht mehr.",
        "Für die Datenanalyse-Plattform wurden zusätzliche Gebühren berechnet, die im Vertrag nicht vorgesehen sind.",
        "Die Rechnung für die Cloud-Dienste ist deutlich höher als in den Vormonaten, bitte schlüsseln Sie die Kosten auf.",
        "Unsere Zahlung per Überweisung wurde offenbar keinem Kundenkonto zugeordnet.",
        "Wir haben Fragen zu den Zahlungsbedingungen und möchten wissen, ob auch Zahlung auf Rechnung möglich ist.",
        "Die Preisstruktur nach der Vertragsverlängerung ist für uns nicht nachvollziehbar.",
        "Bei der Abrechnung der Investment-Software wurden Lizenzen für ausgeschiedene Mitarbeiter weiter berechnet.",
        "Unser Zahlungsdienstleister meldet, dass Ihre Rechnungsnummer ungültig ist.",
        "Wir möchten wissen, welche Zahlungsoptionen es für Jahresverträge gibt.",
        "Beim Bezahlen mit PayPal kommt es immer zu einem Abbruch, die Rechnung ist aber fällig.",
    ],
    "refund_return": [
        "Das gelieferte Tablet schaltet sich nach wenigen Minuten ab, wir möchten es umtauschen.",
        "Der Drucker, den wir letzte Woche erhalten haben, zieht kein Papier ein; bitte um Rücknahme und Erstattung.",
        "Die bestellte Software-Lizenz passt nicht zu unserem System, wir möchten sie zurückgeben.",
        "Das Headset rauscht stark und ist so nicht nutzbar, bitte tauschen Sie es aus.",
        "Nach dem Auspacken haben wir festgestellt, dass der Monitor einen Riss hat, wir bitten um Ersatz.",
        "Wir haben irrtümlich das falsche Modell bestellt und würden es gerne gegen das richtige tauschen.",
        "Die Smartwatch lädt nicht mehr, sie ist erst drei Wochen alt, bitte um Umtausch oder Erstattung.",
        "Wir haben den Dienst innerhalb der Testphase gekündigt, aber trotzdem eine Abbuchung erhalten; bitte erstatten.",
        "Wie können wir mehrere Geräte gleichzeitig zurücksenden und wann erhalten wir das Geld zurück?",
        "Das Ersatzgerät ist ebenfalls defekt, wir möchten nun den Kaufpreis zurück.",
        "Die Rücksendung wurde laut Tracking zugestellt, die Gutschrift steht aber noch aus.",
        "Können wir ungeöffnete Ware auch nach 30 Tagen noch zurückgeben?",
    ],
    "product_question": [
        "Die Exportfunktion erzeugt andere Spalten als in der Dokumentation beschrieben, ist das so vorgesehen?",
        "Wir möchten die Benachrichtigungen für bestimmte Projekte deaktivieren, finden die Einstellung aber nicht.",
        "Ist es normal, dass die Synchronisation nur alle 15 Minuten läuft, oder kann man das Intervall ändern?",
        "Können Sie erklären, wie die Datenverschlüsselung in Ihrer Plattform funktioniert?",
        "Welche Einstellungen empfehlen Sie für den Einsatz in einem Krankenhausnetzwerk?",
        "Wir möchten wissen, ob das Smart-Home-Gerät mit anderen Herstellern kompatibel ist.",
        "Gibt es eine Möglichkeit, Dashboards mit externen Partnern zu teilen?",
        "Kann die Software an unsere bestehenden Marketing-Tools angebunden werden?",
        "Wir suchen eine Lösung zur Optimierung unserer Investmentanalyse, welche Module bieten Sie an?",
        "Wie lässt sich die Leistung der Anwendung bei großen Datenmengen verbessern?",
        "Welche Schritte sind nötig, um die neue Version in unsere bestehende Umgebung zu integrieren?",
        "Bitte um Informationen zu den Unterschieden zwischen den verfügbaren Modellen.",
        "Wir interessieren uns für Ihr Produkt und hätten gerne ein Angebot mit Details zu Support und Wartung.",
        "Unterstützt das Gerät auch den Einsatz im Außenbereich?",
    ],
    "other": [
        "Ich möchte eine Beschwerde über die lange Bearbeitungszeit meiner letzten Anfrage einreichen.",
        "Wir benötigen eine Bestätigung über die Einhaltung der Datenschutzvorgaben für unseren Prüfbericht.",
        "Ich habe seit zwei Wochen keine Antwort auf meine E-Mail erhalten, wer ist zuständig?",
        "Bitte teilen Sie uns mit, wie wir einen Verdacht auf einen Datenschutzverstoß melden können.",
        "Wir möchten unser Kundenkonto auf eine andere Tochtergesellschaft übertragen.",
        "Ich interessiere mich für eine Stelle in Ihrem Support-Team, an wen kann ich mich wenden?",
        "Wie sind die Regelungen für Homeoffice und Reisekosten bei Ihnen?",
        "Wir benötigen einen Ansprechpartner für eine Medienanfrage.",
        "Können Sie uns Informationen zur strategischen Ausrichtung Ihres Unternehmens geben?",
        "Bitte übermitteln Sie uns die Unterlagen für die jährliche Lieferantenprüfung.",
        "Wie kann ich mein Feedback zu Ihrem Service abgeben?",
        "Bitte informieren Sie uns über geplante Änderungen an Ihren Geschäftsbedingungen.",
    ],
}

_MORE_EN: dict[str, list[str]] = {
    "billing_payment": [
        "When we try to pay the open invoice in the customer portal, an error appears and the payment is aborted.",
        "After upgrading to the {plan} we were billed for both the old and the new plan.",
        "The billing system shows our account as overdue although all payments were made.",
        "The subscription payment failed and now our access is restricted.",
        "We see discrepancies between our usage data and the amounts charged.",
        "Automatic card payment has not worked since we replaced our credit card.",
        "Additional fees were charged for the analytics platform that are not in our contract.",
        "The cloud services invoice is much higher than in previous months; please break down the costs.",
        "Our bank transfer does not seem to have been matched to any customer account.",
        "What payment terms do you offer, and can we pay by invoice?",
        "The pricing after the contract renewal is unclear to us.",
        "Licences for employees who left are still being billed.",
        "Paying with PayPal always fails, but the invoice is due.",
    ],
    "refund_return": [
        "The tablet we received switches off after a few minutes; we would like to exchange it.",
        "The printer we got last week does not feed paper; please take it back and refund us.",
        "The software licence we ordered does not fit our system, and we would like to return it.",
        "The headset has a loud hiss and is unusable; please replace it.",
        "After unpacking we found a crack in the monitor and ask for a replacement.",
        "We ordered the wrong model by mistake and would like to swap it for the right one.",
        "The smartwatch no longer charges after three weeks; please exchange or refund it.",
        "We cancelled during the trial but were still charged; please refund.",
        "The replacement device is also faulty, so we would now like our money back.",
        "Tracking shows the return was delivered, but the credit is still pending.",
    ],
    "product_question": [
        "The export produces different columns than the documentation describes; is that intended?",
        "We want to turn off notifications for certain projects but cannot find the setting.",
        "Is it normal that sync only runs every 15 minutes, or can the interval be changed?",
        "Can you explain how data encryption works on your platform?",
        "Which settings do you recommend for use in a hospital network?",
        "Is the smart home device compatible with other brands?",
        "Is there a way to share dashboards with external partners?",
        "Can the software connect to our existing marketing tools?",
        "How can we improve the application's performance with large data sets?",
        "What steps are needed to integrate the new version into our environment?",
        "We are interested in your product and would like a quote including support and maintenance.",
    ],
    "other": [
        "I would like to complain about how long my last request took to be handled.",
        "We need confirmation of data protection compliance for our audit report.",
        "I have not received an answer to my email for two weeks; who is responsible?",
        "Please tell us how to report a suspected data protection breach.",
        "We would like to transfer our customer account to a subsidiary.",
        "What are your rules on remote work and travel expenses?",
        "We need a contact person for a press enquiry.",
        "Please send the documents for the annual supplier review.",
        "How can I give feedback on your service?",
    ],
}

for _lang, _more in (("de", _MORE_DE), ("en", _MORE_EN)):
    for _intent, _lines in _more.items():
        TICKETS[_lang]["core"][_intent] = TICKETS[_lang]["core"][_intent] + _lines
SUBJECTS_DE["billing_payment"] += ["Problem mit der Zahlung", "Fehler bei der Abrechnung", "Unstimmigkeiten in der Rechnung"]
SUBJECTS_DE["refund_return"] += ["Umtausch defektes Gerät", "Rückgabe und Erstattung", "Ersatzgerät ebenfalls defekt"]
SUBJECTS_EN["billing_payment"] += ["Payment problem", "Billing discrepancy", "Invoice error"]
SUBJECTS_EN["refund_return"] += ["Exchange of faulty device", "Return and refund", "Replacement also faulty"]

# Third batch (German only): more sectors -- telecom and utility business
# customers, e-commerce, smart home, medical and financial software -- so
# that no single product word stands for one queue.
_MORE_DE_3: dict[str, list[str]] = {
    "technical_problem": [
        "Unsere Festnetzanschlüsse am Standort {city} sind seit dem Vormittag tot.",
        "Das Smart-Home-System reagiert nicht mehr auf Befehle aus der App.",
        "Im Online-Shop können Kunden seit dem Update keine Bestellungen mehr abschließen.",
        "Die Analyse-Software berechnet die Portfoliowerte falsch, seit die Kursdaten umgestellt wurden.",
        "Der Zugriff auf die elektronische Patientenakte ist seit heute früh gestört.",
        "Die Kampagnen-Daten werden nicht mehr aus dem Marketing-Tool in das CRM übertragen.",
        "Unser Webshop ist extrem langsam, Seiten brauchen über 20 Sekunden zum Laden.",
        "Der Datenabgleich zwischen Filialen und Zentrale bricht nachts mit einem Fehler ab.",
        "Seit dem Wechsel des Routers gibt es ständig Paketverluste im Netzwerk.",
        "Nach der Migration in die Cloud fehlen Berechtigungen für mehrere Projektordner.",
        "Die Single-Sign-On-Anmeldung leitet in einer Endlosschleife weiter.",
        "Unsere Anwendung meldet seit gestern 'Speicherplatz voll', obwohl genug frei ist.",
        "Die Benachrichtigungen per E-Mail aus dem System kommen nicht mehr an.",
        "Es gibt Anzeichen für einen Ransomware-Angriff, einige Dateien sind verschlüsselt.",
        "Die Scanner an den Kassen erkennen die Barcodes nicht mehr.",
    ],
    "product_question": [
        "Wir planen die Einführung einer neuen Projektmanagement-Lösung und möchten wissen, ob Ihre Software Gantt-Diagramme unterstützt.",
        "Wie können wir mehrere Standorte in einem Konto verwalten?",
        "Gibt es eine Funktion zur automatischen Archivierung alter Datensätze?",
        "Bietet Ihr Tarif für Geschäftskunden eine feste IP-Adresse?",
        "Welche Möglichkeiten gibt es, die Plattform für Investmentanalysen zu erweitern?",
        "Können Sie mir die Unterschiede zwischen dem Smart-Home-Starterpaket und dem Komplettpaket erklären?",
        "Unterstützt Ihre Software die elektronische Rechnungsstellung im XRechnung-Format?",
        "Welche Voraussetzungen muss unser Netzwerk für Ihre Telefonielösung erfüllen?",
        "Wir möchten mehr über die Funktionen zur Datenvisualisierung erfahren.",
        "Ist es möglich, die App für unsere Außendienstmitarbeiter offline zu synchronisieren?",
        "Welche Vorteile bietet das neue Modell gegenüber der Vorgängerversion?",
        "Könnten Sie uns Best Practices für die Einrichtung von Marketing-Kampagnen in Ihrem Tool nennen?",
    ],
    "other": [
        "Wir möchten unsere Firmenadresse und den Ansprechpartner in Ihren Unterlagen ändern lassen.",
        "Bitte senden Sie uns eine Teilnahmebestätigung für die Schulung vom {date}.",
        "Ich habe eine Frage zur betrieblichen Altersvorsorge.",
        "Wir möchten uns für die gute Betreuung im letzten Projekt bedanken.",
        "Könnten Sie uns mitteilen, ob Sie auch Kunden in der Schweiz betreuen?",
        "Bitte informieren Sie uns, welche Unterlagen für die Zertifizierung benötigt werden.",
        "Wir organisieren einen Fachkongress und suchen Referenten aus Ihrem Haus.",
        "Ich möchte meine Elternzeit anmelden und benötige die passenden Formulare.",
        "Wie ist der aktuelle Stand unserer Anfrage zur Zusammenarbeit?",
        "Bitte nehmen Sie uns in Ihren Verteiler für Produktneuigkeiten auf.",
    ],
}
for _intent, _lines in _MORE_DE_3.items():
    TICKETS["de"]["core"][_intent] = TICKETS["de"]["core"][_intent] + _lines
SLOTS_DE["city"] = ["Köln", "Hamburg", "München", "Leipzig", "Dortmund", "Stuttgart", "Nürnberg", "Bremen"]
