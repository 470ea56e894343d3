/**
 * Open Graph wants language_TERRITORY: "en" -> en_US, "fr" -> fr_FR, "fr-CA" -> fr_CA. The
 * likely territory of a bare language comes from the runtime's CLDR data, not from a table here.
 */
export function ogLocale(language: string): string {
  const locale = new Intl.Locale(language).maximize();
  return locale.region ? `${locale.language}_${locale.region}` : locale.language;
}
