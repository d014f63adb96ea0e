/** Front-matter fields translated when the config names none. Apart from `segment-document` so settings resolve without loading the YAML parser. */
export const DEFAULT_FRONT_MATTER_FIELDS: readonly string[] = ['title', 'description', 'summary'];
