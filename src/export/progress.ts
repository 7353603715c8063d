/** Passes the articles through unchanged, telling the caller how many have been read so far. */
export async function* countingArticles<T>(
  articles: AsyncIterable<T>,
  onCount: (count: number) => void,
): AsyncGenerator<T> {
  let count = 0;
  for await (const article of articles) {
    yield article;
    count += 1;
    onCount(count);
  }
}
