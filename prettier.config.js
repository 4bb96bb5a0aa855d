// Prettier for the whole repo (checked by the lint leg, scripts/lint.mjs).
export default {
  printWidth: 120,
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  arrowParens: 'always',
  // Lit's html`` and css`` stay as written: formatting the HTML inside moves text onto lines of its
  // own, which changes the whitespace of what the elements render and announce.
  embeddedLanguageFormatting: 'off',
};
