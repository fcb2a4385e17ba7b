/** Words that make a question a complaint: "为什么又延误？", "到底要等多久？". */
const rhetorical =
  /为什么|为啥|凭什么|难道|到底|究竟|怎么这么|怎么又|怎么还|怎么回事|怎么搞|怎么可能|怎么老|怎么总|咋|还要等|有没有搞错|搞什么|都去哪/;
const asking = /^请问|[吗呢嘛][?？]?\s*$|[?？]\s*$|怎么|如何|哪里|哪个|什么时候/;
/** A question word that reports advice rather than asks: "还教我怎么保养", "告诉我如何退款". */
const reported = /(?:教|告诉|提醒)(?:我|你|他|她|我们|大家)?(?:怎么|如何)/g;
/** A sentence end before the last character (posts often end sentences with a space instead). */
const moreThanOneSentence = /[。！!；;?？][\s\S]|[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/;

/**
 * A Simplified Chinese mention that only asks: one sentence that ends in a question mark or a
 * question particle, opens with 请问 or has a question word (not one that only reports advice), and
 * has none of the words that make a question rhetorical.
 */
export function isPlainQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (!asking.test(trimmed) || rhetorical.test(trimmed) || moreThanOneSentence.test(trimmed)) return false;
  return asking.test(trimmed.replace(reported, ''));
}
