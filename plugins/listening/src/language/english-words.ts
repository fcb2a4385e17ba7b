/**
 * Frequent English words in social posts: function words from the top of the Oxford English
 * Corpus frequency list plus everyday review vocabulary. Short posts give an n-gram model too
 * little to go on ("Outage again?"); a share of these words settles them as English.
 */
const words = new Set(
  `the be to of and a in that have i it for not on with he as you do at this but his by from they we say her she
or an will my one all would there their what so up out if about who get which go me when make can like time no
just him know take people into year your good some could them see other than then now look only come its over
think also back after use two how our work first well way even new want because any these give day most us is
are was were been has had did does am im dont cant its thats please thanks thank again still never ever why
great love loving bad worst best awesome terrible amazing happy sad slow fast fix fixed broken issue problem
help support service customer order refund app update price battery phone delivery shipping review really
very too much more less got buy bought anyone someone everyone nothing something lol omg wtf btw`.split(
    /\s+/,
  ),
);

/** Share of the words of a text that are frequent English words (0..1). */
export function englishShare(text: string): number {
  const tokens = text.toLowerCase().match(/[a-z']+/g) ?? [];
  if (!tokens.length) return 0;
  const known = tokens.filter((token) => words.has(token.replace(/'/g, ''))).length;
  return known / tokens.length;
}
