"""Authored English fragments for the training-data generator.

Same conventions as ``fragments_de``: one customer utterance per line, a
leading ``!`` marks a complaint.  Mix of retail, telecom, energy, banking /
payment services, travel and general services; formal letters, web forms,
SMS and chat, with the odd typo on purpose.
"""

from __future__ import annotations

CORE: dict[str, str] = {
    "order_status": """
When will my order {order} be delivered?
Can you tell me where my parcel is right now?
I ordered on {date}, roughly when should I expect delivery?
Do you have a tracking number for my order yet?
Has my order been shipped already?
hi, any update on order {order}?
The tracking link doesn't work for me, where is the package?
Could you deliver on Saturday instead?
Which courier are you using for my delivery?
How long does shipping to Ireland usually take?
Just checking whether my new SIM card is on its way.
When will I get my replacement debit card?
I requested a new card last week, how long until it arrives?
Has the router for my new line been dispatched?
Can I still change the delivery address for my open order?
is my order out for delivery today?
What's the estimated delivery date for the sofa I bought?
Is it possible to track the card you sent me?
!My order {order} has been in transit for {days} days and still hasn't arrived.
!I've been waiting over two weeks for my parcel, where is it?
!Tracking says delivered but I never received anything.
!The package has been stuck at the depot for a week and nobody can tell me why.
!Delivery was rescheduled three times, I'm losing patience.
!You promised delivery on Tuesday and nothing came.
!Where is my new card? It should have arrived ages ago.
!The router was supposed to arrive ten days ago, still nothing.
!The driver left my parcel outside in the rain and now it's gone.
!still no sign of my package, 3 weeks now, tracking hasn't updated in days
!I paid for next-day delivery and it took six days.
!Only half of my order turned up, the rest is missing.
""",
    "cancellation": """
Please cancel my contract at the end of the current term.
I would like to cancel my mobile contract, account number {cust}.
Please confirm the termination of my energy contract in writing.
How do I cancel my subscription?
I'm moving abroad and need to end my gas supply contract.
Please cancel order {order}, I changed my mind.
Can I still cancel the order before it ships?
I want to end my membership at the end of the month.
What's the notice period if I want to leave?
Please close my broadband account as I'm moving house on {date}.
I'd like to close my current account, what do I need to do?
How do I cancel a transfer I just made by mistake?
Please don't renew the free trial, I want to stop it.
hey how do i cancel
I need to cancel my appointment on Thursday.
Please remove the roaming add-on from my plan.
I don't want to renew my phone contract, please let it expire.
Can you confirm you received my cancellation?
Please delete my customer account completely.
I'd like to stop the standing order to my landlord.
!I'm cancelling because the internet has been dropping out for months.
!After this billing mess I'm cancelling my electricity contract.
!I cancelled four weeks ago and you still took another payment.
!My cancellation still hasn't been confirmed even though I sent it by recorded delivery.
!You auto-renewed my contract without asking, I want out now.
!I cancelled the order and you shipped it anyway.
!It's impossible to cancel over the phone, I'm stuck on hold every time.
!Your service is a joke, cancel everything.
!Why is my cancellation being ignored? I want out of this contract!
!There is no way to cancel the subscription on your website, that can't be legal.
""",
    "billing_payment": """
I have a question about my latest bill.
Could you resend my invoice for {month}?
How much will my monthly direct debit be from next month?
I'd like to switch my payment method to direct debit.
Can I pay the bill in instalments?
When is invoice {invoice} due?
Where can I find my bills in the online account?
I want to lower my monthly payment, I'm using less energy now.
How is the fee for international transfers calculated?
Has my payment from {date} reached you yet?
Can I pay with PayPal or credit card?
I need a VAT invoice for my company.
What is the standing charge on my electricity bill?
Could I get a payment extension until the end of the month?
quick q, when will the amount be debited?
My credit card expired, how do I add a new one?
Is there a fee if I top up by bank transfer?
!You charged me twice for the same order.
!There are fees on my bill that I never agreed to.
!My annual statement is way too high, I never used that much electricity.
!I got a reminder letter even though I paid the invoice weeks ago.
!My card payment was declined although there's enough money in the account.
!Why was I charged {amount} for third-party services? I never ordered them.
!My monthly payment nearly doubled without any notice.
!There's a payment on my statement I don't recognise.
!I got a terrible exchange rate, the amount charged is wrong.
!The bill is wrong again, the discount wasn't applied.
!The direct debit bounced because of your error and now you're charging me a fee.
!You've been charging the old tariff for two months even though I switched.
!A debt collector for a bill I never received? Seriously?
!I was charged shipping twice at checkout.
!My balance hasn't updated even though I transferred the money days ago.
!There's an extra charge for withdrawing cash that nobody told me about.
""",
    "refund_return": """
How do I return an item?
I'd like to return the shoes from order {order}, they're too small.
Will I get a return label by email?
How long does it take for the refund to reach my account?
I sent the item back on {date}, when will I get my money?
Can I exchange the jacket for a different size?
I hereby withdraw from my purchase within the 14-day period.
When will the credit from my final bill be paid out?
Please refund the credit balance on my account to my bank.
Are returns free?
Can I return something in store that I bought online?
return already posted, when is the refund coming?
I would like a refund for the cancelled flight.
How do I claim compensation for the delayed train?
Can I get my money back if I'm not satisfied?
!I sent the return back four weeks ago and still have no refund.
!You say the refund was issued but nothing has shown up in my account.
!You only refunded part of the amount even though I returned everything.
!The item arrived broken and now I have to pay for the return myself?
!The blender broke after two weeks, I want my money back.
!My withdrawal was simply ignored.
!The credit from my final bill is three months overdue.
!Your returns portal doesn't work, I can't create a label and the deadline is running out.
!The shop refuses to exchange an obviously faulty product.
!I received the wrong colour and the refund keeps getting delayed.
!Why was my return rejected? The item was still in its original packaging.
!I applied for a refund two months ago and haven't seen a penny.
""",
    "technical_problem": """
How do I set up the new router?
What settings do I need for email on my iPhone?
The app is asking for a code, where do I find it?
How can I change my Wi-Fi password?
Do I need to reinstall anything after the update?
I can't get two-factor login set up, can you help?
The smart meter shows error E-03, what does that mean?
How do I activate the eSIM on my phone?
!My internet keeps dropping several times a day.
!The app crashes every time I log in.
!I can't log into my account any more, my password isn't accepted.
!Since the update the banking app doesn't work at all.
!My card doesn't work in shops, contactless payments fail every time.
!My phone has had no signal since yesterday, emergency calls only.
!The router light is red and there's no internet.
!The washing machine shows an error after two weeks and won't drain.
!My top-up failed.
!My PIN got blocked after one wrong attempt.
!The cash machine swallowed my card.
!Checkout keeps throwing error 500, I can't place my order.
!My broadband speed is 5 Mbps instead of 100, and has been for weeks.
!Our power has been off since this morning, is there an outage?
!The boiler won't start since you replaced the meter.
!TV reception has been gone since the weekend.
!app keeps crashing, cant do anything
!I can't verify my identity in the app, the upload always fails.
!My account is locked and I don't get a reset link.
!Calls keep dropping after a few minutes.
!The printer I bought from you only prints blank pages.
!Since the firmware update the camera won't connect to Wi-Fi.
!The website won't load my account page, just a blank screen.
""",
    "account_data_change": """
I've moved, please update my address to {street}.
Please update my bank details, new account number below.
I got married and my name is now {name}, please change it.
How do I change the email address on my account?
My mobile number has changed, please update it.
Please add my husband as a second contact on the account.
I'd like to change the billing address, the delivery address stays the same.
Can you correct my date of birth? The one on file is wrong.
New address from {date}: {street}. Please update the energy supply too.
How do I change my password and username?
Please fix the spelling of my surname, it should be {name}.
got a new bank account, where do i update it?
I'd like to transfer the contract into my wife's name.
Meter reading for my move and new address attached, please update.
Please remove my marketing consent from my profile.
How can I edit my personal details in the app?
!I've told you my new address twice and letters still go to the old one.
!My name is misspelled on every letter even though I've reported it several times.
!The bank detail change wasn't applied and now the direct debit failed.
!I can't change my details in the portal, the page doesn't save anything.
!You entered my phone number wrong and now I don't get any SMS codes.
!Even though I reported my move, you're still billing me for the old flat.
""",
    "product_question": """
Is this jacket available in size L?
Does the phone have a dual SIM slot?
Which electricity tariff makes sense for a two-person household?
Is there a plan with more data?
Is the coffee machine compatible with other brands' capsules?
Do you ship to Switzerland?
Do you offer green energy?
How much is fibre broadband on my street?
When will this model be back in stock?
Does the card work with Apple Pay or Google Pay?
What is the minimum age to open an account?
In which countries can I use the card?
Which currencies do you support?
Is the sofa also available in grey?
What's the difference between the M and L plan?
Do you have a student discount?
Can the battery in this vacuum be replaced?
Is the mattress suitable for allergy sufferers?
Does the TV have HDMI 2.1, and what's the refresh rate?
How long is the heat pump tariff offer valid?
Can I get gas and electricity from you together?
hi do u have the iphone with 256gb?
Do you have business plans for small companies?
What warranty comes with the washing machine?
Can I try the shoes on in your London store?
Is there a limit on how much I can top up?
Do you accept Visa and Mastercard?
!Why has this item been sold out for weeks while the site says in stock?
!The product description is wrong, the device doesn't even have Bluetooth.
!The price on your website doesn't match the price at the till.
""",
    "appointment_callback": """
Please call me back on {phone}.
Can we book an appointment for the meter reading?
When can the engineer come to do the installation?
I'd like a callback today between 2 and 4 pm.
I'd like to book a consultation at the branch.
Can the technician come on a Saturday?
Please call me about my contract, I'm available after 5 pm.
Monday doesn't work for me, can we move the appointment to Wednesday?
Are there any free slots for a boiler service next week?
Please phone me, it's too complicated by email.
can someone call me back pls
When is the technician coming for the fibre installation? I need a date.
I'd like to book a repair appointment for my bike.
Could an advisor call me about the business tariff?
Can you arrange a pickup slot for the old appliance?
!I've been waiting three days for the callback you promised.
!The engineer simply didn't show up for the appointment.
!I took the whole day off work and nobody came.
!I was promised a callback within 24 hours and nothing happened.
!The appointment was cancelled at short notice again, with no new date.
!I've been on hold for an hour, just call me back already.
""",
    "feedback_praise": """
Thanks a lot for the quick delivery, all perfect!
I want to thank Sarah for the great advice.
Great service, the engineer was on time and very friendly.
Thanks, the problem is solved, everything works again.
I'm very happy with my new plan.
Excellent customer service, keep it up!
Finally a hotline where you reach someone quickly. Thank you!
The goods arrived in perfect condition and the quality is great.
Thanks for the hassle-free refund.
Big thanks to your team at the Manchester branch.
awesome, thanks guys!! 👍
Just wanted to say the new app is really good.
Thanks for covering the repair as a goodwill gesture, didn't expect that.
Thanks for the helpful call yesterday, it's all clear now.
Moving my line went smoothly, many thanks.
The agent on the phone was really friendly and took her time.
I'd happily recommend you.
All good, thanks for the help!
""",
    "other": """
Hello, I have a general question.
What are your opening hours on bank holidays?
Do you have a branch near Leeds?
I'm interested in an apprenticeship with you, who should I contact?
We are an agency and would like to propose a partnership.
Thank you for your email, I am out of the office until {date}.
Sorry, wrong number.
Ok thanks, that's all.
Please send me the documents for my tax return.
How do I send money abroad?
Where is the nearest ATM?
Can I get a second card for my partner?
I lost my card, what should I do?
On my way, see you at the entrance.
Congratulations! You've won a free cruise. Click here to claim.
Merry Christmas to the whole team!
Hello?
Is anyone there?
I just sent you an email, did you get it?
Can you send me your terms and conditions?
I'm writing on behalf of my mother, she doesn't have internet.
How do I unsubscribe from the newsletter?
What's the weather going to be like tomorrow?
Can you recommend a good restaurant nearby?
How do I change my PIN?
Can I get cash back at the till?
How do I receive money from a friend abroad?
Will the train leave from platform 7 today?
!The staff member at your branch was incredibly rude.
!I keep getting sales calls from you even though I opted out.
!Your hotline is never reachable, it's a joke.
!40 minutes late again, thanks for nothing
!Train cancelled, no announcement, nobody knows anything. Typical.
!The air con on the train is broken again, it's 35 degrees in here.
!Your chatbot understands nothing and I can't reach a human.
!The driver just drove past us at the stop.
!The toilets on the train were filthy and locked.
!My transfer to a friend was blocked and nobody explains why.
!The cash machine gave me less money than it debited.
""",
}

OPENERS: dict[str, list[str]] = {
    "formal": ["Dear Sir or Madam,", "Dear Customer Service Team,", "Good afternoon,", "Dear Ms Patel,"],
    "neutral": ["Hello,", "Hi there,", "Good morning,", "Hi team,", "Hello support,"],
    "chat": ["", "", "hi", "hey", "hello", "yo", "Hi!"],
}

CONTEXT: list[str] = [
    "I've been a customer for {years} years (account number {cust}).",
    "this is about my contract, account number {cust}.",
    "I'm writing regarding my order {order}.",
    "I have the following issue:",
    "quick question:",
    "my customer reference is {cust}.",
    "I already spoke to one of your colleagues last week.",
]

CLOSERS: dict[str, list[str]] = {
    "formal": [
        "Yours faithfully,\n{name}",
        "Thank you in advance.\nKind regards, {name}",
        "I would appreciate a written confirmation.\nRegards, {name}",
        "Best regards,\n{name}",
    ],
    "neutral": ["Thanks,\n{name}", "Cheers, {name}", "Many thanks!", "Best, {name}", "Thanks in advance"],
    "chat": ["", "", "thx", "thanks", "ty", "?", "cheers"],
}

ESCALATION: dict[str, list[str]] = {
    "medium": [
        "This is really frustrating.",
        "I'm very disappointed with your service.",
        "This is unacceptable!",
        "This is ridiculous.",
        "Absolutely terrible service.",
        "I expect this to be fixed immediately.",
        "I'm fed up with this.",
        "What kind of service is this??",
        "Sort it out please, this is urgent.",
        "I'm really angry about this!!",
        "Honestly appalling.",
        "Not good enough.",
    ],
    "high_legal": [
        "Otherwise I will contact my lawyer.",
        "I have already contacted consumer protection.",
        "I'm filing a complaint with the ombudsman.",
        "If this isn't resolved by Friday I will take legal action.",
        "My solicitor has been informed.",
        "I will sue if I have to.",
        "I'll take this to the small claims court.",
    ],
    "high_cancel": [
        "If this isn't fixed right away, I'm cancelling.",
        "I'm seriously considering switching provider.",
        "One more time and I'm taking my business elsewhere.",
        "Otherwise I'll cancel my contract.",
        "I will close my account if this continues.",
    ],
    "high_repeat": [
        "This is the third time I'm writing to you.",
        "This is my fourth email about this.",
        "I've called several times and nobody helps.",
        "For the umpteenth time: please deal with this!",
        "I have reported this multiple times already.",
        "How many times do I have to contact you?",
    ],
    "high_public": [
        "You'll be getting a one-star review.",
        "I'm going to post about this on Twitter.",
        "I'm considering going to the press.",
        "I'll leave a review on Trustpilot about this.",
        "I'm sharing this on social media.",
    ],
}

SLOTS: dict[str, list[str]] = {
    "order": ["4711-2231", "#100234", "A-558120", "UK-99812", "302771", "no. 88213"],
    "cust": ["10023344", "CU-55123", "7781200", "300-112-55", "4455001"],
    "invoice": ["INV-2024-0912", "778812", "2023/4411"],
    "date": ["12 March", "1 May", "15/11", "last Monday", "03/02/2024", "the end of June"],
    "month": ["January", "March", "October", "last month"],
    "days": ["10", "12", "14", "nine", "over 20"],
    "amount": ["£49.99", "$12.50", "€120", "£7.99", "$230"],
    "phone": ["07700 900123", "+44 20 7946 0958", "555-0142"],
    "street": ["12 Linden Road, Leeds LS6 2AB", "3 Market Square, York", "7a High Street, Bristol"],
    "name": ["Julia Smith", "M. Baker", "Tom Walker", "Priya Patel", "Dan", "A. Khan"],
    "years": ["two", "five", "10", "over 15"],
}
