/**
 * Spec examples that do not pass yet, by example number, with the reason (also listed in the
 * README). Their tests are expected to fail, so fixing one shows up as a test to move out of here.
 */
export const KNOWN_EXCEPTIONS: { commonmark: Record<number, string>; gfm: Record<number, string> } = {
  commonmark: {},
  gfm: {},
};
