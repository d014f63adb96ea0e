/**
 * `find` with its answers kept per text, the oldest dropped past `size`: QA and the review page
 * ask the same questions about the same texts in one run. Answers are shared: never change them.
 */
export function memoByText<T>(find: (text: string) => T, size = 8_192): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (answers.has(text)) return answers.get(text) as T;
    const answer = find(text);
    if (answers.size >= size) answers.delete(answers.keys().next().value ?? '');
    answers.set(text, answer);
    return answer;
  };
}
