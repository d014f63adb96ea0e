// The `commonmark-spec` package ships no types.
declare module 'commonmark-spec' {
  /** One example of the spec: Markdown in, the HTML it must render to. */
  export interface SpecExample {
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  export const tests: SpecExample[];
  export const text: string;
  const spec: { tests: SpecExample[]; text: string };
  export default spec;
}
