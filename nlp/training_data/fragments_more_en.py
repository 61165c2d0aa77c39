"""Third batch of authored English core sentences (same conventions).

Focus: the *kinds* of requests a fintech / card app, a hotel desk, a
voice-assistant style chat and an IT/SaaS help desk receive, written to the
CRM intent definitions (see ``/work/shared/data/nlp/crm_intent_map.tsv``):

* billing_payment: card payments, fees and charges, exchange rates charged,
  pending / declined / unrecognised payments, bills and their due dates;
* technical_problem: something does not work (card, contactless, app, PIN
  blocked, top-up failed, identity check failing, outage, bug);
* refund_return: asking for money back, refunds not arriving, returns;
* cancellation: closing / terminating accounts, cancelling transfers,
  bookings, subscriptions;
* order_status: where is my card / parcel / order, delivery estimates;
* account_data_change: changing personal details;
* product_question: what is supported / allowed / offered (countries,
  currencies, age, Apple Pay, card brands, limits, features, pricing plans);
* other: everything else a bank or assistant is asked (transfers, top-ups,
  getting extra or virtual cards, PIN change, how identity checks work,
  exchange-rate information, lost cards, hotel bookings, small talk, short
  answers), which is also where many failure reports land (a transfer that
  did not arrive, a reverted top-up) -> those are complaints with intent other.

Lines starting with ``!`` are complaints (something went wrong / the writer is
unhappy with the service); all others are neutral.
"""

from __future__ import annotations

CORE_EN: dict[str, str] = {
    "billing_payment": """
Why is there a fee on my card payment?
I got charged a fee for paying by card, is that normal?
How much do you charge for withdrawing cash abroad?
What fee applies if I take money out at an ATM?
Why did I pay a fee to withdraw cash?
Is there a charge for exchanging euros into pounds?
How much is the fee for currency exchange in the app?
Why is my card payment still pending?
My payment has been pending for two days, when will it go through?
How long do card payments usually stay pending?
There is a pending transaction from a shop, how long until it clears?
What is the fee for a bank transfer?
I was charged for sending money, why?
Is it free to top up with a debit card?
How much does it cost to top up by bank transfer?
Do you take a fee when I add money with my credit card?
When is my bill due?
What's the balance on my electricity bill?
How much do I owe on my phone bill this month?
Please pay my water bill from my checking account.
Can you pay the cable bill for me?
When do I have to pay the gas bill?
How do I pay my invoice online?
Can I pay the invoice by credit card?
Where can I download the invoice for last month?
Do you accept payment by PayPal?
Can I change the payment method on my subscription?
Why was my card declined at the supermarket?
How come my card was declined when I tried to pay?
What is the exchange rate you applied to my payment?
My statement shows a charge in dollars, how was it converted?
Please send me a copy of the invoice with VAT.
We need an updated invoice with our company address for accounting.
How is the monthly fee for the premium plan calculated?
Is the annual subscription billed upfront?
!My card was declined at the store.
!Why did my card get declined today?
!The payment was declined although the card is active.
!Card keeps being declined at the gas station.
!The exchange rate for my ATM withdrawal was wrong.
!I was charged more than expected for taking cash out abroad.
!The rate for my withdrawal abroad is far worse than the market rate.
How much does topping up by bank transfer cost?
Is there a fee for bank transfer top-ups?
Is there a charge for exchanging currencies?
What does currency exchange cost?
Why did I get charged for the exchange?
!I was charged twice for the same purchase.
!The same payment went out of my account two times.
!There are two identical charges from one shop on my statement.
!My card payment was declined even though I have enough money.
!Why does my card keep getting declined online?
!The payment at the restaurant got rejected, this is embarrassing.
!There is a payment on my account I don't recognise.
!I see a card transaction I never made.
!Someone used my card, there is a purchase I didn't do.
!There's a direct debit taken from my account that I never set up.
!An unknown direct debit was collected from my account.
!The exchange rate on my card payment is wrong.
!You gave me a terrible exchange rate on my purchase abroad.
!I was charged more than the price I agreed to.
!There's an extra charge on my statement that shouldn't be there.
!My statement has a charge that is higher than what I paid in the shop.
!The exchange rate for my cash withdrawal was way off.
!I withdrew cash abroad and the rate you used is not the official one.
!I was billed for a month after I cancelled.
!You charged my card without my permission.
!The invoice amount is wrong, we only have 12 users, not 20.
!We were billed for the enterprise tier although we are on the starter plan.
!I was charged a late fee although I paid on time.
!The merchant charged me twice and your app shows both payments.
!Why was I charged a fee I was never told about?
!My bill doubled this month without any explanation.
""",
    "technical_problem": """
How do I reset my passcode?
I forgot my passcode, how do I get back into the app?
How do I set up two-factor authentication?
Which browser versions does the dashboard support?
How do I configure single sign-on for our team?
How do I connect the printer to the new network?
Can you help me install the software update on my laptop?
Please reset the VPN access for our new colleague.
!The ATM ate my card.
!My card got stuck in the cash machine.
!The machine didn't give my card back.
!I can't get my card back from the ATM, it kept it.
!My PIN doesn't work anymore, it's blocked.
!The app says my PIN is locked.
!How do I unblock my PIN?
!I can't unlock my card after too many wrong PIN attempts.
!The identity verification keeps failing.
!Why can't I verify my identity? I uploaded everything.
!The app won't let me prove my identity.
!It says my ID is invalid but it's a valid passport.
!My selfie for verification keeps getting rejected.
!I'm stuck at the verification step.
!The top up didn't go through.
!Top-up declined again.
!I got an error when topping up.
!My top-up is not working with my debit card.
!My card has a crack in it.
!The chip on my card is damaged.
!My card snapped in half.
!My card is worn out and the reader can't read it.
!The card reader at the shop says my card is faulty.
!Contactless payments keep failing.
!The contactless chip doesn't respond at the terminal.
!Online payments with my virtual card fail.
!My card is not working.
!The card doesn't work in any shop.
!My card stopped working yesterday.
!Contactless isn't working on my card.
!The tap to pay function fails every time.
!My virtual card doesn't work for online payments.
!The disposable virtual card gets rejected on every website.
!My PIN is blocked.
!I entered the wrong PIN three times and now it's blocked.
!My card got locked after I typed the PIN wrong.
!The top-up failed.
!I tried to top up but it didn't work.
!Adding money to my account keeps failing.
!Why did my top up fail?
!I can't verify my identity in the app.
!The identity check keeps rejecting my passport photo.
!The app won't accept my ID, verification fails every time.
!The ATM swallowed my card.
!The cash machine kept my card and didn't give it back.
!My card is damaged, the chip is cracked.
!My card is bent and the reader won't take it.
!The magnetic strip on my card is broken.
!The app crashes whenever I open it.
!I can't log in, it says my password is wrong but it isn't.
!The website shows an error when I try to pay.
!Our server keeps timing out since the update.
!The integration with our CRM broke after your release.
!Emails are not syncing between the app and Outlook.
!The software freezes when we export reports.
!Users are locked out of the platform since this morning.
!The VPN connection drops every few minutes.
!The login page just keeps loading.
!Our API calls return error 500 since yesterday.
!The printer in our office won't connect to the network.
!The laptop you provided won't boot after the update.
!The system is down and nobody in our team can work.
!My internet keeps dropping out every evening.
!The wifi in my room doesn't work.
!The TV in the room has no signal.
!The air conditioning in my room is broken.
!The key card for my room doesn't open the door.
!The hotel wifi is so slow I can't even load emails.
!The app won't let me make a transfer, the button is greyed out.
!The Apple Pay setup fails when I add my card.
!Google Pay says my card can't be added.
!I didn't get the verification code by SMS.
!The fingerprint login stopped working after the update.
""",
    "refund_return": """
I want a refund.
How do I get my money back for an item I returned?
Can I request a refund for a purchase I made by mistake?
How do I ask a merchant for a refund through the app?
Can I get a refund for my cancelled booking?
What is your refund policy for the annual plan?
How long does a refund take to appear on my card?
I'd like to return the headphones, they don't fit my needs.
How do I send back a faulty item?
Can I exchange the jacket for a bigger size?
I'd like my money back for the unused nights.
Can you refund the deposit for the room?
Please refund the unused licences on our account.
!My refund still hasn't shown up.
!The shop says they refunded me but I don't see the money.
!Where is my refund? It's been two weeks.
!The refund is missing from my statement.
!I returned the item a month ago and still no refund.
!You promised a refund and nothing has happened.
!I was refunded the wrong amount.
!The refund for my cancelled flight never arrived.
!The refund for the minibar charge never came through.
!I want my money back, the product broke after a week.
""",
    "cancellation": """
I want to close my account.
How do I delete my account?
Please terminate my account, I don't need it anymore.
Can I cancel a transfer I just made?
How do I stop a payment I sent by mistake?
I sent money to the wrong person, can I cancel it?
I'd like to cancel my subscription at the end of the month.
Please cancel my booking for next weekend.
Can you cancel the reservation for two nights?
I need to cancel the spa appointment tomorrow.
How do I cancel my standing order?
Please freeze my account for now.
Can I close my savings account and move the money?
We would like to end our contract for the software licence.
Please cancel the direct debit to my old gym.
How do I unsubscribe from the premium plan?
!I cancelled my subscription but you still charged me.
!I tried to cancel the transfer but it went through anyway.
!I've asked you to close my account three times and it's still open.
!Your website makes it impossible to cancel.
!I'm closing my account because of your awful service.
""",
    "order_status": """
When will my card arrive?
How long does it take for a new card to be delivered?
My card hasn't arrived yet, how long should it take?
Can I track the delivery of my card?
Has my new card been sent out?
What is the delivery time for a replacement card?
Where is my order?
Has my order shipped yet?
When will my parcel be delivered?
Is there a tracking number for my order?
How long does shipping usually take?
I ordered a laptop last week, when will it come?
Track my order please.
!My card still hasn't arrived after three weeks.
!It's been ages and my card hasn't come.
!My order is late and nobody tells me anything.
!The tracking says delivered but there's no package.
!My parcel has been stuck in transit for ten days.
""",
    "account_data_change": """
How do I change my address?
I moved house, how do I update my address in the app?
I need to change my name after getting married.
Can I update my phone number?
How can I change the email on my account?
I want to edit my personal details.
My surname is spelled wrong, how can I fix it?
Please update my billing address.
Can I change my date of birth in the profile? It's wrong.
Where do I change my contact details?
I have a new mobile number, please update it.
!I changed my address twice and it still shows the old one.
!The app won't save my new phone number.
""",
    "product_question": """
Will my card work in a shop that takes Mastercard?
Are there places that won't take your card?
Can I pay with the card at any merchant?
Is the card accepted at petrol stations abroad?
I want to add my card to my iPhone wallet, is that possible?
Does the card support Android Pay?
Can I link the card to my Apple Watch?
Is mobile wallet payment supported?
Do you operate in Spain?
I live in Brazil, can I sign up?
Are you available to customers outside the EU?
Which countries can I open an account from?
Is the service offered in the US?
What's the minimum age for an account?
Can teenagers have an account?
Do you offer accounts for children?
What currencies do you support for exchange?
Can I keep money in Swiss francs?
Which currencies can I top up in?
Which card types can I top up with?
How many virtual cards am I allowed?
Is there a cap on the disposable cards?
What are the top-up limits?
Is there a maximum amount I can load onto the card?
What is the highest top-up allowed?
Is your card Visa?
Do I get a Mastercard or a Visa card?
Does the premium plan include travel insurance?
Which operating systems is your app available on?
Can I use your software offline?
Is there a free trial of the business plan?
Is there an age limit to open an account?
How old do I need to be to use your card?
Can my 15 year old son get an account?
Does the card work with Apple Pay?
Can I use Google Pay with your card?
Which countries do you support?
Can I open an account if I live in Canada?
Is your service available in Australia?
Which currencies can I hold in the app?
Can I hold Japanese yen in my account?
Do you support crypto?
Which fiat currencies can I exchange?
Is the card a Visa or a Mastercard?
Can I choose between Visa and Mastercard?
Which cards do you accept for top-ups?
Do you accept American Express for adding money?
Where is the card accepted?
Can I use the card everywhere Mastercard is accepted?
How many disposable virtual cards can I create?
Is there a limit on disposable cards per day?
What is the maximum top-up amount?
Is there a limit to how much I can top up?
How much can I add to my account per month?
What's the difference between the standard and premium plan?
Does the software support single sign-on?
Is there an API for exporting our data?
Does the platform integrate with Salesforce?
Do you offer a discount for nonprofits?
Does the room have a balcony?
Is breakfast included in the price?
Do you have rooms with a sea view?
Does the laptop come with a warranty?
Is this model compatible with Mac?
Do you ship to Switzerland?
Can the plan be upgraded later?
Which data protection standards does your cloud product meet?
""",
    "other": """
How do I transfer money to a friend?
How long does a bank transfer take?
How long will a transfer to Germany take to arrive?
How can I receive money from abroad?
Can someone send money to my account from another bank?
What details do I need to give to get paid into my account?
How do I top up my account?
Can I top up with cash?
Can I add money by cheque?
How do I set up automatic top-ups?
How do I verify a top-up?
How do I get a virtual card?
Can I get a disposable virtual card?
How do I order a physical card?
Can I get an extra card for my partner?
How do I get a spare card?
How do I activate my new card?
My card is about to expire, what should I do?
How do I link my card to the app?
How do I change my PIN?
Where can I change my card PIN?
Why do I need to verify my identity?
How do I verify my identity?
What documents do you need to confirm my identity?
Why do you need to know the source of my funds?
What is the exchange rate today?
Can I exchange currencies in the app?
Where is the nearest ATM I can use?
I lost my card, what should I do?
My card was stolen, please block it.
My phone was stolen and the app is on it.
I think my card details were compromised.
I want to book a room for two nights.
What time is check-out?
Is late check-out possible?
I'd like to book a table for four at eight.
Do you have parking at the hotel?
Can I bring my dog?
yes please
no thanks
ok
that's all
sure, go ahead
great, thanks
What's the weather like tomorrow?
Set a timer for ten minutes.
Tell me a joke.
What's the capital of Peru?
How many calories are in a banana?
Remind me to call mom at six.
Play some jazz music.
What time is it in Tokyo?
How do I say goodbye in Italian?
Add milk to my shopping list.
Find me a recipe for lasagna.
What's my credit score?
When is my next vacation day?
Who made you?
How far is the airport from here?
Book me a flight to Chicago.
Do I need a visa for Brazil?
How do I change the oil in my car?
Roll a dice.
What's your name?
Flip a coin.
Help me plan a trip to Rome.
Can you recommend a good restaurant nearby?
What's the traffic like on the way to work?
Do I need vaccinations to travel to India?
We are planning a team event, please send the HR policy.
Please add our new hire to the payroll system.
Can you share the onboarding documents for new employees?
I have a general question about your company.
!My transfer hasn't arrived yet.
!The money I sent never reached the recipient.
!My friend says they never got the money I transferred.
!My transfer was declined.
!The transfer failed and I don't know why.
!I couldn't send money to my landlord, it says beneficiary not allowed.
!The system won't let me add this payee.
!My balance didn't update after the bank transfer.
!I deposited a cheque but my balance hasn't changed.
!The cash I deposited doesn't show in my balance.
!My top up was reverted.
!The money I added disappeared from my account.
!A card payment was reverted and I don't know why.
!The ATM gave me less cash than I asked for.
!I got the wrong amount of cash from the machine.
!There is a cash withdrawal I didn't make.
!My cash withdrawal was declined.
!The ATM declined my card although I have money.
!My transfer is still pending after a week.
!The hotel room was dirty when we arrived.
!The staff at reception were very rude to us.
!The noise from the bar kept us awake all night.
""",
}

# Long formal written complaints (regulator / ombudsman style narratives):
# complaint=true, intent from content; used "bare" by the generator.
NARRATIVES_EN: str = """
billing_payment|On March 3 I noticed a charge of $420 on my credit card statement from a merchant I have never done business with. I disputed the charge with the bank the same day and provided all documents they asked for. The bank first issued a temporary credit, then reversed it two weeks later without any explanation. I have called customer service five times and each time I am told someone will call me back. Nobody has. I am requesting that the bank reinvestigate this unauthorized charge and refund my money.
other|I have been trying to get a debt collection company to stop calling me about a debt that is not mine. They call my work and my family several times a day. I sent them a written request for validation of the debt by certified mail and never received a response, yet they continue to call and have now reported the debt on my credit report. This is harassment and I want it removed.
other|I applied for a loan modification with my mortgage servicer over six months ago. Since then they have asked me for the same documents four times, claiming each time that they never received them. Meanwhile late fees are being added to my account and I received a notice of foreclosure. I have proof of every submission. The servicer is not acting in good faith.
billing_payment|My checking account was charged three overdraft fees of $35 each on the same day, even though the transactions were reordered by the bank to produce the maximum number of fees. When I asked for a refund of the fees, the branch manager refused and said it is bank policy. I find this practice deceptive and unfair.
other|I closed my savings account in January and requested that the remaining balance be mailed to me by check. It is now April and I still have not received the check. The bank says the check was issued but will not reissue it or tell me whether it has been cashed. I want my money.
billing_payment|The student loan servicer applied my extra payments to future interest instead of the principal, even though I specifically instructed them in writing to apply them to principal. As a result I have paid hundreds of dollars more in interest. Their representatives give me different answers each time I call.
other|A transfer of $2,000 that I sent to my sister through the app was marked as completed, but she never received it. The company says the money was delivered and closed my case without any investigation. I have screenshots showing the transfer and a letter from her bank confirming nothing arrived.
other|My account was frozen without notice and I cannot access my paycheck. Customer service says it is under review but gives no timeline and no reason. I have rent and bills to pay and have been without access to my money for three weeks.
technical_problem|I have been locked out of my online banking account for two weeks. The identity verification process fails every time I upload my documents, and the phone support line disconnects after long hold times. I cannot pay my bills or see my transactions.
"""

