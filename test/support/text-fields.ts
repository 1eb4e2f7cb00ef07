/** Every field that searches text, each as an operation taking `$text`: the search and each list's text filter. */
export const textFields: [string, string][] = [
  ['search', 'query ($text: String!) { result: search(text: $text) { score } }'],
  ['places', 'query ($text: String!) { result: places(filter: { text: $text }) { totalCount } }'],
  ['events', 'query ($text: String!) { result: events(filter: { text: $text }) { totalCount } }'],
  ['claims', 'query ($text: String!) { result: claims(filter: { text: $text }) { totalCount } }'],
  ['sources', 'query ($text: String!) { result: sources(filter: { text: $text }) { totalCount } }'],
  ['actors', 'query ($text: String!) { result: actors(filter: { text: $text }) { totalCount } }'],
];
