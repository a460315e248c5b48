/** Search quality metrics over a query set: hit@1, hit@5 and mean reciprocal rank. */
export interface EvalQuery {
  q: string;
  lang: 'zh' | 'en';
  expect: string;
  /** How a student asks: a topic, a question or paraphrase, or a short name. */
  type?: 'topic' | 'question' | 'short-name';
  /** 'tuning' queries may guide changes; 'heldout' ones are only ever scored. */
  part?: 'tuning' | 'heldout';
  /** Which blind round wrote a held-out query (each round by someone who had not seen the earlier ones). */
  round?: number;
}

export interface ModeScore {
  hit1: number;
  hit5: number;
  mrr: number;
}

export function score(queries: EvalQuery[], rankings: string[][]): ModeScore {
  let hit1 = 0;
  let hit5 = 0;
  let mrr = 0;
  queries.forEach((query, i) => {
    const rank = rankings[i]!.indexOf(query.expect);
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 5) hit5++;
    if (rank >= 0) mrr += 1 / (rank + 1);
  });
  const n = queries.length || 1;
  return { hit1: hit1 / n, hit5: hit5 / n, mrr: mrr / n };
}
