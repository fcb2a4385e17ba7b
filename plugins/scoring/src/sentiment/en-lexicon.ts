/**
 * The team's English entries, applied over the VADER and AFINN valences of
 * `model/en-valences.json` on VADER's -4..4 scale. Entries may be phrases; the longest match wins.
 */

/**
 * Words whose lexicon valence misleads in brand mentions: brand names (`united`, `best buy`),
 * service nouns (`customer care`, `support`), and words more often neutral or two-sided there
 * than VADER's raters took them (`please`, `free`, `lol`, `insane`). Zero stops a word counting.
 */
export const enContextWords = `
united 0|spirit 0|amazon 0|ally 0|liberty 0|kia 0|wells 0|discord 0|riot 0|boost 1|epic games 0|
security 0|holiday 0|marvel 0|dropped 0|expected the worst 0|expecting the worst 0|urgent care 0|
child care 0|fitness 0|ad free 0|interest 0|late -0.5|late night 0|late checkout 0.5|swift 0.3|wise 0.5|admiral 0|
honors 0.5|best buy 0|genius bar 0|customer care 0|customer support 0|health care 0|skin care 0|
take care 0|support 0|credit 0|savings 0|please 0|help 0.5|hope 1|wish 0.5|want 0|play 0|playing 0|
plays 0|played 0|well 0|true 0.5|sure 0.3|yeah 0.3|god 0|party 0.5|ready 0.3|share 0.3|trust 1.5|
free 0.6|save 1|yes 0.5|ok 0.5|okay 0.5|wow 1|lol 0.3|lmao 0.3|lmfao 0.3|rofl 0.3|haha 0.8|
hahaha 0.8|pretty 0|kind 1.5|joke 0|win 1.5|won 1.5|insane 0|crazy 0|unreal 0|sick -1|fire 0|bomb -1|
hell -2|dead -2|dying -1|killing 0|unmatched 2|issue -0.5|issues -1|cut 0|steal 0|dodgy -2|tough -0.5|
fine print -1|early 0.8|can't believe 0|cannot believe 0|not only 0|not just 0|nothing but 0|
no matter 0|no wonder 0|at least 0|epic 2|early access 0|free now 0|smart home 0|smart plug 0|
smart plugs 0|smart tv 0|smart tvs 0|smart thermostat 0|smart speaker 0|smart speakers 0|
smart lights 0|smart lock 0|smart watch 0|smart meter 0|smart bulbs 0|smart doorbell 0|strength 0|
air quality 0|gentle cycle 0|gentle wash 0|stuck with 0|i'm crying 0|im crying 0|festival 0|charity 0|
charities 0|drop 0|loom 0|straight 0|as solved 0|as resolved 0|as fixed 0|fan 0|a fan 1.5|fan of 1.2|
fraud team 0|fraud department 0
`;

/** Social-media slang, verdict phrases and ratings. */
export const enSlang = `
epic fail -3|cool cool cool -1.5|genius move -1.5|slow clap -1.5|a blast 2.5|mad respect 2.5|mad props 2.5|absolute star 2.5|badass 1.5|
the bomb 2.5|the shit 3|hell yeah 2.5|killing it 2.5|killed it 2.5|to die for 3|is fire 2.5|
straight fire 2.5|caught fire -2.5|a steal 2|lit 2|slaps 2|banger 2|bangers 2|goated 2.5|the goat 2.5|
legend 2.5|legends 2.5|clutch 1.5|legit 1|huge w 2.5|big w 2.5|massive w 2.5|huge l -2.5|big l -2.5|
massive l -2.5|took an l -2|mid at best -1.5|so mid -1.5|kinda mid -1.5|is mid -1.5|shoutout 2|
shout out 2|props 1.5|hats off 2.5|top notch 2.5|spot on 2|on point 2|game changer 2.5|no brainer 1.5|
blown away 2.8|blows my mind 2.5|blew my mind 2.5|hits different 2|chef's kiss 3|stoked 2.5|
yeah right -1|so done -2|i'm done -1.8|im done -1.8|so over it -2|over it -1.2|had enough -1.8|
last straw -2.5|make it make sense -1.8|
you had one job -2.5|one star -2.5|1 star -2.5|zero stars -3|two stars -1.5|five stars 2.5|5 stars 2.5|
10/10 3|11/10 3.5|9/10 2.5|8/10 1.8|7/10 1|4/10 -1.5|3/10 -2|2/10 -2.5|1/10 -3|0/10 -3.2|5/5 3|4/5 1.8|
1/5 -2.5|0/5 -3|yikes -1.5|oof -1|bruh -0.5|smh -1.5|come on -1.2|come on time 1.5|bait and switch -2.5|
made my day 2.5|made my morning 2.5|made my week 2.5|made my night 2.5|changed my life 2.5|life changing 2.5
`;

/** What customers praise: service, speed, quality, food. */
export const enPraise = `
refreshing 1.8|magical 2.5|credit to 1.5|kept us updated 1.5|keeping us updated 1.5|
kept us informed 1.5|keeping us informed 1.5|customer for life 2.5|above and beyond 2.5|
out of her way 2|out of his way 2|out of their way 2|worth it 1.8|worth every penny 3|worth the wait 2|
worth the money 2|would recommend 2|highly recommended 2.5|in and out 1.5|on time 1.5|
ahead of schedule 2|same day 1|on the spot 1|life saver 2.8|saved the day 2.5|up and running 1.5|
working again 1.5|sorted out 1.5|got it sorted 1.5|for free 1.5|big fan 2|huge fan 2.2|
couldn't be happier 3|couldn't be better 2.5|can't wait 1.8|cannot wait 1.8|can't say enough 2|
incredible 2.8|phenomenal 3|stellar 2.8|impeccable 3|exceptional 2.8|decent 1.3|solid 1.5|tasty 2|
flavorful 2|crispy 1|juicy 1|hearty 1.2|smooth 1.5|smoothly 1.5|seamless 2|painless 1.5|hassle free 2|
spotless 2|professional 1.5|knowledgeable 1.8|patient 1.5|attentive 1.8|reliable 1.8|accommodating 1.8|
polished 1.5|sleek 1.5|comfy 1.8|cozy 1.8|wholesome 2|fast 0.5|quick 0.8|quickly 0.8|speedy 1.5|
snappy 1.5|blazing 1.5|lightning fast 2|faster 1|underrated 1.5|fixed 1.2|resolved 1.2|sorted 1.2|
refunded 1|waived 1.5|restored 1.2|upgrade 0.8|upgraded 1|handled 0.5|helped 1.5|helping 1|
just works 1.5|works well 1.5|went well 1.5|well done 2|well made 1.5|will be back 1.5|be back 1.2|
actually works 1.5|actually work 1.5|actually worked 1.5|no fuss 1.5|zero fuss 1.5|without any fuss 1.5|
no hassle 1.5|zero hassle 1.5|without any hassle 1.5|no drama 1.2|without any drama 1.2|
no questions asked 1.5|genius 2|top bloke 2.5|top lad 2.5|sturdy 1.5|cheaper 1|cheapest 1|
actually 0.8|finally 0.8|flew by 1.5|so well 1.5|didn't feel a thing 1.5|didnt feel a thing 1.5|
without me asking 2|without me even asking 2|without being asked 2|didn't have to ask 1.8|
didnt have to ask 1.8|didn't even have to 1.5|didnt even have to 1.5|before i even 1.5|
before i could even 1.5|no extra charge 1.5|no extra cost 1.5|at no charge 1.5|free of charge 1.5|
no pushback 1.5|came through 1.5|not complaining 1.5
`;

/** What customers complain of: faults, waiting, fees, being ignored, leaving. */
export const enComplaints = `
soaked -1|surge pricing -1.5|price increase -1.5|price increases -1.5|couldn't care less -2.5|
could not care less -2.5|nonexistent -1.5|non existent -1.5|resource hog -1.5|battery hog -1.5|
still charging -2|still charged -2|out of nowhere -1|impossible -1.5|make it impossible -2|
fell apart -2|falling apart -2|cheaply made -1.5|nowhere to be found -1.5|flooded -1.5|
took my money -1.5|buffering -1.5|bill doubled -1.5|froze -1.2|frozen -1|all over the place -1.2|
fuss -1|a joke -2|joke of -2|what a joke -2.5|not worth -2|not a fan -1.5|could be better -1.2|
could have been better -1.2|could've been better -1.2|nightmare -2.5|absurd -2|disgraceful -2.5|
disrespectful -2.2|condescending -2|mediocre -1.5|underwhelming -1.8|underwhelmed -1.8|overrated -1.5|
overhyped -1.5|overpriced -2|pricey -0.8|expensive -0.8|slow -1.2|slower -1.2|sluggish -1.5|laggy -2|
buggy -2|glitchy -2|glitch -1.5|glitches -1.5|bugs -1|bricked -3|unusable -2.5|unplayable -2.5|
unreliable -2|unresponsive -1.8|unhelpful -2|crashes -1.7|crashing -1.7|crashed -1.7|keeps freezing -2|
freezes -1.5|overheats -2|overheating -2|drains -1.2|battery drain -1.5|overcharged -2.5|scammed -3|
scammers -3|ripoff -2.5|rip off -2.5|robbery -2.5|predatory -2.5|gouging -2.5|cash grab -2.5|
money grab -2.5|pay to win -2|hidden fees -2.5|hidden fee -2.5|junk fees -2.5|charged twice -2.5|
double charged -2.5|fees -0.5|fee -0.3|late fee -1|price hike -1.5|raised prices -1.5|
raised the price -1.5|trash -1.5|garbage -2|junk -2|piece of junk -3|piece of crap -3|letdown -2|
let down -2|let me down -2|soggy -1.5|bland -1.2|stale -1.5|burnt -1.5|undercooked -1.8|overcooked -1.2|
tasteless -1.8|flavorless -1.8|greasy -1|like cardboard -2|came out cold -1.5|arrived cold -1.5|
food was cold -1.5|lukewarm -1|smelly -1.5|moldy -2.5|shady -2|sketchy -1.5|deceptive -2.5|delays -1.3|
delayed -1.3|canceled -1|cancelled -1|cancelling -1.2|canceling -1.2|outage -2|outages -2|is down -1.5|
are down -1.5|was down -1.5|went down -1.5|been down -1.8|down again -2|servers down -2|server down -2|
still waiting -2|been waiting -1.5|kept waiting -1.5|waited -1|long wait -1.5|wait times -1|
long line -1.2|long lines -1.2|hours late -1.8|minutes late -1.2|was late -1.2|stuck -1.5|on hold -1.5|
on the tarmac -1.2|hung up -1.8|hang up -1.5|hangs up -1.8|hanging up -1.8|transferred -0.5|
in circles -1.5|runaround -2|ghosted -2|stopped working -2|cracked -1.2|leaking -1.2|dropped calls -1.8|
dropping calls -1.8|keeps dropping -1.8|disconnected -1.2|disconnects -1.2|lose connection -1.5|
loses connection -1.5|lost connection -1.5|spam -1.5|spammy -1.5|ads everywhere -1.8|full of ads -2|
too many ads -2|paywall -1.2|wrong order -1.8|got the wrong -1.8|do better -1.5|get it together -1.5|
get your act together -2|thanks for nothing -2.5|not coming back -2|won't be back -2|wont be back -2|
will not be back -2|not going back -2|never going back -2.5|avoid -1.8|stay away -2|steer clear -2|
buyer beware -2|beware -1.5|not okay -1.5|not ok -1.5|no thanks -1.2|gave up -1.5|waste of time -2.5|
waste of money -2.5|out of sync -1.5|fell off -1.5|kicked me out -1.8|kicked out -1.5|logged me out -1.5|
locked me out -1.8|locked out -1.5|mold -2|mould -2|mouldy -2.5|sagging -1.2|saggy -1.2|shrank -1.5|
shrunk -1.5|paywalled -1.5|towed -1.5|in the bin -1.5|straight in the bin -2|won't let me -1.5|
wouldn't let me -1.5|will not let me -1.5|doesn't let me -1.2|didn't let me -1.2|price doubled -1.5|
doubled the price -1.5|lol no -1.5|smells like -1|smelled like -1|smell like -1|wobble -1|wobbly -1.2|
hassle -1.2|drama -1|gutted -2|forgets -1|unskippable -1.2|undelivered -1.5|overbooked -1.5|stained -1.2|
stranded -1.8|shrugged -1|yelled -1.8|crowded -1|ran out of -1.5|run out of -1.2|runs out of -1.2|
no record -1.5|queue -0.8|queues -0.8|raised our -1.2|raised my -1.2|can't do anything -1.5|
cannot do anything -1.5|couldn't do anything -1.5|nothing they can do -1.5|loot boxes -1.2|loot box -1.2|
bots -1|scalpers -1.5|resellers -1|someone else's -1|sold as new -1.5|wouldnt let me -1.5|wont let me -1.5|
doesnt let me -1.2|didnt let me -1.2|billed me -1|billed my -1|billed us -1|wifi drops -1.5|
internet drops -1.5|signal drops -1.5|connection drops -1.5|every time i -0.8|every single time -1|
already paid -1.5
`;

/** Questions asked only to complain: they keep their weight where a plain question's is cut. */
export const enRhetoric = `
what's the point -1.5|whats the point -1.5|how hard is it -1.8|what am i paying for -2|too much to ask -2
`;

/** Written marks of irony, beside the ironic emoji of `emoji-lexicon.ts`. */
export const ironyMarks =
  '/s|yeah right|love that for us|love that for me|at its finest|what could go wrong|' +
  'what could possibly go wrong|said no one|said nobody';

/** VADER's negations, with the spellings that drop the apostrophe. */
export const enNegators =
  'not|no|never|none|nobody|nothing|neither|nor|nowhere|cannot|without|hardly|barely|rarely|seldom|' +
  'zero|least|no longer|no one|dont|doesnt|didnt|isnt|arent|wasnt|werent|cant|couldnt|wouldnt|shouldnt|' +
  'wont|hasnt|havent|hadnt|aint|neednt|mustnt';

/** VADER's booster words (+0.293 to the next polar word), with social-media spellings. */
export const enBoosters =
  'absolutely|amazingly|awfully|completely|considerably|decidedly|deeply|effing|enormously|entirely|' +
  'especially|exceptionally|extremely|fabulously|flipping|flippin|fricking|frickin|frigging|friggin|' +
  'fully|fucking|fuckin|freaking|greatly|hella|highly|hugely|incredibly|intensely|majorly|more|most|' +
  'particularly|purely|quite|really|remarkably|so|substantially|thoroughly|totally|tremendously|' +
  'unbelievably|unusually|utterly|very|super|too|truly|seriously|insanely|ridiculously|literally|' +
  'genuinely|way|bloody|mega';

/** VADER's dampeners (-0.293), with social-media spellings. */
export const enSofteners =
  'almost|slightly|somewhat|kinda|sorta|kind of|sort of|a bit|a little|fairly|relatively|' +
  'marginally|occasionally|partly|scarcely|lowkey|mostly';

/** "But" weighs what follows; "although" and "despite" make their own clause the lesser one. */
export const enContrasts = 'but|however|yet|whereas';
export const enConcessions = 'although|though|even though|despite|in spite of|even if';

/**
 * What a customer expects to get: said with a negation ("no response", "nobody picks up",
 * "still not fixed") it is a complaint, whatever the word's own valence.
 */
export const enExpectations =
  'response|responses|reply|replies|replied|respond|responds|responded|answer|answers|answered|' +
  'update|updates|explanation|warning|notice|notification|compensation|refund|refunds|apology|' +
  'callback|call back|called back|heard back|got back|get back|picks up|picked up|pick up|help|helped|' +
  'helps|support|signal|service|wifi|internet|power|info|information|communication|word|understand|' +
  'understands|work|works|worked|working|fix|fixed|solved|resolved|arrived|showed up|delivered|' +
  'received|came|care|cares|told|informed|notified|warned|contacted|called|turn on|turns on|boot|' +
  'boots|load|loads|connect|connects|sync|syncs|start|starts|went through|go through|goes through|' +
  'explain|explained|recognise|recognize|recognises|recognizes|accept|accepts|announcement|' +
  'announcements|show up|shows up';

/** Words that end a problem: the faults named right after them are gone ("fixed the lag"). */
export const enRemedies =
  'fixed|resolved|solved|sorted|repaired|sorted out|reversed|refunded|waived|replaced|recovered|restored|' +
  'cleared|swapped|exchanged|rebooked|patched';

/**
 * A clause opened by one of these and closed by a single "?" asks rather than judges. "Why" and a
 * bare "how" ("How is this legal?") usually complain, so they are not here.
 */
export const enInterrogatives =
  'is|are|was|were|does|do|did|can|could|should|would|will|which|what|where|when|who|anyone|' +
  "anybody|has|have|any|whats|what's|where's|thoughts|how do|how does|how long|how much|how many|" +
  'how often|how far';

/** Words that do not use up a negation's reach: "never given me a single problem". */
export const enLightWords =
  'a|an|the|my|your|his|her|our|their|its|any|single|one|of|me|us|them|it|this|that|even';

/** Words after which "like" is the verb ("I like it"), not the preposition ("smells like"). */
export const likeSubjects =
  'i|we|they|you|really|totally|definitely|actually|genuinely|also|do|still|kinda|just';
