"""Fourth batch of authored English core sentences: card-app and hotel-desk requests.

Written from the intent definitions in ``crm_intent_map.tsv`` and the NLU++
mapping rules in SOURCES.md, one group of phrasings per *label definition*
(not from any data row):

* billing_payment also covers fee and interest questions (transfer, top-up,
  exchange and withdrawal fees; interest on savings, loans, mortgages,
  overdrafts) and pending / unrecognised / declined card payments;
* product_question covers what the product supports (countries, currencies,
  card brands, age, wallets, limits, where the card is accepted);
* technical_problem covers something not working, wrong or not showing (card,
  PIN, passcode, top-up, identity check, app, room equipment, a booking that
  does not show);
* cancellation covers closing, leaving or freezing an account or card and
  cancelling a transfer, standing order or booking;
* refund_return covers asking for money back and refunds not arriving.

The error analysis behind this batch was aggregate only (per-label confusion
counts: many fee, limit and not-working questions were tagged ``other``).
``!`` marks a complaint (the writer reports a failure or is unhappy).
"""

from __future__ import annotations

CORE_EN: dict[str, str] = {
    "billing_payment": """
Why was I charged a fee for topping up?
Is there a charge for topping up by bank transfer?
How much does it cost to top up with a card?
Do you charge for sending money abroad?
What is the fee for a transfer to another bank?
Why did I pay a fee on my transfer?
Is there a fee for withdrawing cash from an ATM?
How much do you charge for cash withdrawals abroad?
Do I pay extra to exchange currencies?
What fee do you add when I pay in a foreign currency?
My card payment is still pending, when will it go through?
Why is my payment to the shop still pending?
How long do card payments stay pending?
What interest rate do I get on my savings account?
How much interest will I pay on a personal loan?
What is the current mortgage rate?
Is there interest on my overdraft?
What are the fees for the premium account?
Are there any monthly account fees?
How much is the annual fee for the credit card?
When is my credit card bill due?
How do I pay my electricity bill in the app?
What's the minimum payment on my credit card this month?
How much do I owe on my card right now?
Can I set up a direct debit for my phone bill?
Do you charge interest if I pay the balance late?
Are transfers within the EU free?
What's the exchange fee at weekends?
How is the exchange rate calculated when I pay abroad?
Can you explain the charges on my last statement?
!There is a payment on my card that I don't recognise.
!I see a charge from a shop I have never been to.
!A direct debit was taken that I never set up.
!I was charged twice for the same purchase.
!The same transaction appears two times on my statement.
!I got charged an extra fee I wasn't told about.
!Why is there an extra charge on my statement?
!The exchange rate I got was much worse than the official one.
!You applied the wrong exchange rate to my card payment.
!The rate for my cash withdrawal abroad was wrong.
!My card payment was declined at the supermarket.
!My card keeps getting declined online even though I have money.
!Why was my payment refused at the restaurant?
!I was charged a fee on my transfer that I wasn't expecting.
!You took a fee for a cash withdrawal that should be free.
!My top-up was charged a fee, that's not what your website says.
!The hotel charged my card for the minibar but I didn't use it.
!I've been charged interest even though I paid on time.
""",
    "product_question": """
Which countries can I use the card in?
Do you support customers living in Spain?
Can I open an account if I live outside the EU?
Which currencies can I hold in my account?
Can I keep a balance in Japanese yen?
Do you support payments in Swiss francs?
Which cards can I use to top up?
Can I top up with an American Express card?
Is the card Visa or Mastercard?
Can I choose between a Visa and a Mastercard?
How old do I have to be to open an account?
Can my 15 year old son get a card?
Does the card work with Apple Pay?
Can I add my card to Google Pay?
Do you support Samsung Pay?
Where is the card accepted?
Can I use the card at any ATM?
Will shops in the US accept my card?
What is the maximum amount I can top up?
Is there a limit on how much I can top up per day?
How many disposable cards can I create?
Is there a limit on disposable virtual cards?
What's the spending limit on the virtual card?
Can I use the card for online subscriptions?
Is there a business account option?
Do you offer joint accounts?
Does the hotel have a pool?
Is breakfast included in the room rate?
Do you have rooms with a sea view?
Is there free wifi in the rooms?
""",
    "technical_problem": """
I forgot my passcode and can't log in.
How do I reset my passcode?
I can't remember my app passcode.
!My card isn't working.
!My card has stopped working in shops.
!The contactless doesn't work on my card.
!Tap to pay keeps failing.
!My virtual card is not working.
!My PIN is blocked after too many tries.
!I typed the wrong PIN and now my card is locked.
!My top-up didn't work.
!The top up failed twice.
!The app won't verify my identity.
!I can't verify my ID, it keeps failing.
!The ATM swallowed my card.
!The machine kept my card.
!My card is broken.
!The app keeps crashing when I log in.
!My transfer isn't showing in the app.
!The payment is not showing on my account.
!My balance is wrong.
!The money I deposited isn't showing.
!Something is wrong with my account.
!The air conditioning in my room isn't working.
!The wifi in the room doesn't work.
!My key card stopped working.
!The shower in my room is broken.
!The TV in the room doesn't turn on.
!My booking isn't showing in the app.
!The heating in our room doesn't work.
!There is no hot water in my room.
""",
    "cancellation": """
I want to close my account.
How do I close my account?
I'd like to leave the bank.
Please terminate my account.
I want to delete my account.
Can I freeze my card?
Please freeze my account for now.
How do I temporarily block my card?
I want to cancel a transfer I just made.
Can I stop a payment I sent by mistake?
Please cancel my standing order.
How do I cancel a direct debit?
I need to cancel my reservation.
Can I cancel my booking for next week?
Please cancel the room for Friday.
I'd like to cancel my hotel booking.
Cancel my subscription please.
!I want to close my account, your service is terrible.
""",
    "refund_return": """
I want a refund.
How do I ask for a refund?
Can I get my money back for this purchase?
I'd like a refund for the booking.
Can I get a refund if I cancel the room?
Will I be refunded for the night I didn't stay?
How long does a refund take?
I need a refund for an item I returned.
!My refund still hasn't arrived.
!The refund from the shop isn't showing in my account.
!I was promised a refund weeks ago and nothing has come.
!Where is my refund? It's been two weeks.
""",    "other": """
!I made a bank transfer yesterday and my balance still hasn't changed.
!The money I transferred in isn't in my balance yet.
!I deposited a cheque last week and my balance is the same.
!The cash I paid in at the branch is not on my account.
!It says I can't add this person as a beneficiary.
!Why is my beneficiary not allowed?
!There's a cash withdrawal on my account that I didn't make.
!Someone withdrew cash with my card, it wasn't me.
!The ATM declined my card when I tried to take out money.
!I couldn't withdraw cash, the machine refused.
!My transfer was declined and I don't know why.
!The transfer failed again.
!My bank transfer didn't go through.
!A card payment was reversed and I don't understand why.
!My top-up was reverted.
!The money I topped up disappeared from my balance.
!My friend hasn't received the money I sent him three days ago.
!The recipient says the transfer never arrived.
!The ATM gave me the wrong amount of cash.
!I asked for 200 but the machine only gave me 100.
How do I receive a transfer from abroad?
How long does a transfer from the UK take?
When will my cash withdrawal stop being pending?
My top-up is still pending, is that normal?
Why does my transfer say pending?
I need to report my card as stolen.
Someone might have my card details, what do I do?
I left my phone in a taxi and the app is on it.
How do I order a new physical card?
Where can I get a spare card?
Can I have more than one virtual card?
How do I activate the card you sent me?
How do I link my other bank card?
Do I need to verify my top-up?
Why do you need proof of where my money comes from?
I'd like to book a double room for Saturday.
Do you have availability next weekend?
What time is check-in?
Can I have a late check-out tomorrow?
Is there parking at the hotel?
Are pets allowed?
Can I book a table in the restaurant?
I need a taxi to the airport at six.
Can I speak to someone?
yes
no, that's it
thanks
it's for two people
next Friday
""",}

# Second group (same rules): more ways to ask the product, technical and fee
# questions that were most often tagged "other", and the everyday banking
# requests that are "other" under the NLU++ rules (opening, applying,
# balances, transfers between own accounts) but were tagged as billing.
MORE_EN: dict[str, str] = {
    "product_question": """
Can I use this card in Mexico?
Is the card accepted everywhere Mastercard is?
In which countries does the card work?
Which fiat currencies do you support?
Can I exchange to and from Polish zloty?
What currencies can I top up in?
Can I top up using a credit card or only debit?
Is there a minimum age for the app?
Are children allowed to have an account?
Can I pay with my phone using this card?
Does it work with Apple Watch?
Is there a maximum balance I can hold?
How much can I add to my account in one go?
What's the daily limit on disposable cards?
Will my card work for hotel deposits abroad?
Can I withdraw cash abroad with this card?
Do you support accounts for residents of Switzerland?
Which card networks do you use?
What kind of card will I get?
Can I get an account if I'm 17?
""",
    "technical_problem": """
How do I recover my passcode?
!My identity verification failed three times.
!The app says it can't confirm who I am.
!I'm unable to verify my identity with my driving licence.
!Why won't my card work at the petrol station?
!My card was rejected by every ATM today.
!The card reader won't read my card.
!My contactless limit is fine but tapping doesn't work.
!My virtual card keeps getting declined for online shopping, it says invalid card.
!The top-up from my bank card failed with an error.
!Adding money by card doesn't work.
!PIN locked, what now?
!The cash machine took my card and didn't give it back.
!The app logs me out every time I open it.
""",
    "billing_payment": """
My payment has been pending for three days.
Why is the payment at the hotel still pending?
A payment shows as pending but the shop says it went through.
How much is the fee for topping up by bank transfer?
Why was I charged for a cash withdrawal?
Why is there a fee for exchanging money?
Was I charged a fee for this transfer?
What's the charge for paying by card abroad?
How do I pay my bill?
When is my bill due?
What's the balance on my bill?
!There is a charge on my statement for a transfer fee I didn't expect.
!I was charged a fee when I took money out at the ATM.
!My card payment went through at the wrong exchange rate.
!The amount charged for my purchase abroad is higher than it should be.
""",
    "other": """
I'd like to open a savings account.
How do I apply for a mortgage?
Can I apply for a loan online?
What's my current balance?
Move 200 from my current account to savings.
I want to make a transfer to my other account.
Can I set up a standing order?
I need a new card because mine is about to expire.
How do I add money to my account?
How do I send money to someone?
Please connect me with an advisor.
I'd like to make an appointment at the branch.
I want to open a business account.
I need a statement for last month.
Can I increase my overdraft?
What documents do I need to open an account?
""",
}
