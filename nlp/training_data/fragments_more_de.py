"""Third batch of authored German core sentences (same conventions as
``fragments_de``): IT/SaaS help-desk tickets in formal register, fintech
app questions, rail travel (delays, refunds, seat reservations, staff,
Wi-Fi, ticket machines), insurance.  ``!`` marks a complaint.
"""

from __future__ import annotations

CORE_DE: dict[str, str] = {
    "technical_problem": """
Ich wende mich an Sie, weil unsere Projektmanagement-Software seit dem letzten Update keine Daten mehr synchronisiert.
Wir bitten um Unterstützung bei der Einrichtung des VPN-Zugangs für neue Mitarbeitende.
Bitte aktualisieren Sie die Firewall-Einstellungen für unseren neuen Server.
Wie richte ich die Zwei-Faktor-Authentifizierung für das gesamte Team ein?
Wir benötigen Hilfe bei der Integration der Schnittstelle in unser CRM.
Bitte um Zurücksetzen meines Passworts für das Kundenportal.
!Seit heute Morgen können sich mehrere Nutzer nicht mehr an der Plattform anmelden.
!Nach dem Software-Update stürzt die Anwendung beim Export ständig ab.
!Unser Server ist seit Stunden nicht erreichbar, der gesamte Betrieb steht.
!Der Drucker im Büro wird vom Netzwerk nicht mehr erkannt.
!Die VPN-Verbindung bricht alle paar Minuten ab.
!Die Schnittstelle liefert seit gestern nur noch Fehlermeldungen.
!E-Mails werden nicht mehr zugestellt, unser Postfach ist seit gestern still.
!Der Laptop startet nach dem Update nicht mehr.
!Es gibt eine Sicherheitslücke, Kundendaten waren für andere Nutzer sichtbar.
!Die Webseite lädt extrem langsam und bricht beim Bezahlen ab.
!Meine Karte wird an der Kasse nicht akzeptiert, obwohl sie freigeschaltet ist.
!Die Aufladung per Karte klappt nicht, es kommt immer eine Fehlermeldung.
!Der Fahrkartenautomat am Bahnhof nimmt keine Karten an.
!Die Bahn-App stürzt beim Kauf des Tickets immer ab.
!Das WLAN im ICE funktioniert überhaupt nicht.
!Die Klimaanlage im Wagen war die ganze Fahrt kaputt.
!Mein Online-Banking ist seit Tagen gesperrt und ich komme nicht rein.
!Die Verifizierung meiner Identität per Video-Ident bricht immer ab.
!Ich bekomme keinen SMS-Code für die Freigabe von Überweisungen.
""",
    "product_question": """
Welche Funktionen bietet die Enterprise-Version Ihrer Software?
Ist Ihre Cloud-Lösung DSGVO-konform?
Unterstützt die Plattform Single Sign-On mit Microsoft?
Gibt es eine Schnittstelle zu SAP?
Welche Sicherheitsstandards erfüllt Ihr Rechenzentrum?
Ab welchem Alter darf man ein Konto bei Ihnen eröffnen?
Funktioniert die Karte auch in den USA?
Ist die Karte eine Visa oder eine Mastercard?
Welche Währungen kann ich in der App halten?
Wie hoch ist das maximale Aufladelimit pro Monat?
Was deckt die Hausratversicherung bei Fahrraddiebstahl ab?
Gibt es eine Reiseversicherung, die auch Stornokosten übernimmt?
Welche Tarife bieten Sie für Vielfahrer an?
Gilt die Bahncard auch für Fernbusse?
Kann ich im ICE einen Sitzplatz mit Tisch reservieren?
Gibt es in Ihrem Nachtzug Abteile für Familien?
""",
    "billing_payment": """
Wir haben eine Frage zur letzten Rechnung für unsere Softwarelizenzen.
Bitte senden Sie die Rechnung künftig an unsere Buchhaltung.
Wie hoch ist der Beitrag für die Kfz-Versicherung im nächsten Jahr?
Wann wird der Versicherungsbeitrag abgebucht?
Kann ich den Beitrag jährlich statt monatlich zahlen?
Welche Gebühren fallen für Abhebungen im Ausland an?
Warum ist meine Kartenzahlung noch vorgemerkt?
!Wir haben einen Fehler in der Rechnung festgestellt, es wurden zu viele Lizenzen berechnet.
!Der Versicherungsbeitrag wurde ohne Ankündigung erhöht.
!Mir wurde der Fahrschein doppelt abgebucht.
!Die Gebühr für die Platzreservierung wurde berechnet, obwohl der Wagen fehlte.
!Bei der Zahlung im Ausland wurde ein viel schlechterer Wechselkurs berechnet als angezeigt.
!Eine Kartenzahlung wurde abgelehnt, obwohl mein Konto gedeckt ist.
""",
    "refund_return": """
Wie beantrage ich die Entschädigung für meine Zugverspätung?
Bekomme ich das Geld für die Sitzplatzreservierung zurück, wenn der Zug ausfällt?
Ich möchte die nicht genutzte Fahrkarte erstatten lassen.
Wie lange dauert die Bearbeitung der Fahrgastrechte?
Können Sie die ungenutzten Lizenzen gutschreiben?
!Ich habe vor acht Wochen die Erstattung für meine Fahrkarte beantragt und nichts gehört.
!Die Entschädigung für die Verspätung wurde abgelehnt, obwohl es über zwei Stunden waren.
!Statt Geld bekomme ich nur einen Gutschein, das will ich nicht.
!Die Versicherung weigert sich, den Schaden zu erstatten.
""",
    "cancellation": """
Ich möchte meine Hausratversicherung zum Jahresende kündigen.
Bitte stornieren Sie meine Sitzplatzreservierung für morgen.
Wie kündige ich mein Deutschlandticket-Abo?
Bitte kündigen Sie unsere Softwarelizenz zum Laufzeitende.
Ich möchte meine Bahncard nicht automatisch verlängern.
!Ich habe mein Abo fristgerecht gekündigt und es wurde trotzdem verlängert.
""",
    "other": """
Ich möchte mich über Ihre Stellenangebote informieren.
Bitte leiten Sie meine Anfrage an die Personalabteilung weiter.
Können Sie mir die Unterlagen für das Onboarding neuer Mitarbeitender schicken?
Ich habe meine Karte verloren, bitte sperren Sie sie.
Wie lange dauert eine Überweisung ins Ausland?
Wie kann ich Geld auf mein Konto aufladen?
Wie bekomme ich eine virtuelle Karte?
Wie ändere ich meine PIN?
Warum muss ich meine Identität bestätigen?
Ich möchte ein Zimmer für zwei Nächte buchen.
Kann ich früher einchecken?
Wo finde ich das Fundbüro am Bahnhof?
!Meine Überweisung ist beim Empfänger nie angekommen.
!Die Überweisung wurde abgelehnt, ohne Begründung.
!Mein Kontostand hat sich nach der Einzahlung nicht aktualisiert.
!Der Geldautomat hat mir zu wenig Geld ausgezahlt.
!Die Zugbegleiterin war extrem unfreundlich zu mir.
!Mein reservierter Platz war doppelt vergeben und ich musste stehen.
""",
}

