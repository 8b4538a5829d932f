"""Adjectival and demonym forms that name a place ("Malian" -> Mali).

The bulk comes from ``countryinfo``'s demonym per country, read at build time;
this module adds what that list lacks or gets ambiguous: irregular and
multiword forms, plurals, and forms of regions and first-level divisions.
Keys are place references understood by the gazetteer build: an ISO 3166-1
alpha-2 code, ``"admin1:<ISO 3166-2 code>"``, ``"region:<name>"``,
``"continent:<code>"`` or ``"city:<GeoNames id>"``.
"""

from __future__ import annotations

#: demonyms countryinfo gives several countries; the first country wins
PREFERRED_COUNTRY: dict[str, str] = {
    "Chinese": "CN", "American": "US", "French": "FR", "Indian": "IN",
    "Norwegian": "NO", "Congolese": "CD", "Dominican": "DO", "Channel Islander": "JE",
}

#: countryinfo demonyms that are not demonyms (a place name, or too generic)
REJECTED: frozenset[str] = frozenset({
    "Djibouti", "Gibraltar", "Christmas Island", "Channel Islander", "",
    "Central African", "Indian",  # "Indian" is listed below, for India only
})

SUPPLEMENT: dict[str, str] = {
    # irregular, alternative and accented forms
    "Burkinabè": "BF", "Burkinabé": "BF", "Burkinabe": "BF",
    "Ivorian": "CI", "Nigerien": "NE", "Nigerian": "NG", "Malian": "ML",
    "British": "GB", "Briton": "GB", "Brit": "GB",
    "Argentine": "AR", "Argentinian": "AR", "Ecuadorian": "EC",
    "Kyrgyz": "KG", "Tajik": "TJ", "Uzbek": "UZ", "Kazakh": "KZ",
    "Saudi": "SA", "Emirati": "AE", "Filipina": "PH", "Philippine": "PH",
    "Bosnian": "BA", "Serb": "RS", "Croat": "HR", "Turk": "TR", "Slovenian": "SI",
    "Czech": "CZ", "Slovakian": "SK", "Belarusian": "BY", "Belarussian": "BY",
    "Macedonian": "MK", "Kosovar": "XK", "Kosovan": "XK", "Moldovan": "MD",
    "Afghan": "AF", "Iranian": "IR", "Iraqi": "IQ", "Syrian": "SY", "Yemeni": "YE",
    "Israeli": "IL", "Palestinian": "PS", "Lebanese": "LB", "Jordanian": "JO",
    "Egyptian": "EG", "Libyan": "LY", "Tunisian": "TN", "Algerian": "DZ",
    "Moroccan": "MA", "Mauritanian": "MR", "Chadian": "TD", "Sudanese": "SD",
    "Eritrean": "ER", "Ethiopian": "ET", "Somali": "SO", "Somalian": "SO",
    "Kenyan": "KE", "Ugandan": "UG", "Rwandan": "RW", "Tanzanian": "TZ",
    "Ghanaian": "GH", "Togolese": "TG", "Beninese": "BJ", "Senegalese": "SN",
    "Guinean": "GN", "Liberian": "LR", "Cameroonian": "CM", "Gabonese": "GA",
    "Angolan": "AO", "Zambian": "ZM", "Zimbabwean": "ZW", "Mozambican": "MZ",
    "South African": "ZA", "South Sudanese": "SS", "North Korean": "KP",
    "South Korean": "KR", "Korean": "KR", "Taiwanese": "TW", "Vietnamese": "VN",
    "Thai": "TH", "Burmese": "MM", "Cambodian": "KH",
    "Laotian": "LA", "Malaysian": "MY", "Indonesian": "ID", "Singaporean": "SG",
    "Japanese": "JP", "Mongolian": "MN", "Pakistani": "PK", "Bangladeshi": "BD",
    "Sri Lankan": "LK", "Nepali": "NP", "Nepalese": "NP", "Bhutanese": "BT",
    "Australian": "AU", "Kiwi": "NZ", "Canadian": "CA",
    "Mexican": "MX", "Brazilian": "BR", "Colombian": "CO", "Venezuelan": "VE",
    "Peruvian": "PE", "Chilean": "CL", "Bolivian": "BO", "Cuban": "CU",
    "Haitian": "HT", "Puerto Rican": "PR", "Salvadoran": "SV", "Salvadorean": "SV",
    "Guatemalan": "GT", "Honduran": "HN", "Nicaraguan": "NI", "Panamanian": "PA",
    "Dutch": "NL", "Belgian": "BE", "Swiss": "CH", "Austrian": "AT",
    "German": "DE", "Danish": "DK", "Dane": "DK", "Swede": "SE", "Swedish": "SE",
    "Finnish": "FI", "Finn": "FI", "Icelandic": "IS", "Irish": "IE",
    "Polish": "PL", "Pole": "PL", "Hungarian": "HU", "Romanian": "RO",
    "Bulgarian": "BG", "Greek": "GR", "Cypriot": "CY", "Maltese": "MT",
    "Italian": "IT", "Spanish": "ES", "Spaniard": "ES", "Portuguese": "PT",
    "Russian": "RU", "Ukrainian": "UA", "Georgian": "GE", "Armenian": "AM",
    "Azerbaijani": "AZ", "Azeri": "AZ", "Estonian": "EE", "Latvian": "LV",
    "Lithuanian": "LT", "Qatari": "QA", "Kuwaiti": "KW", "Bahraini": "BH",
    "Omani": "OM", "Turkish": "TR", "Chinese": "CN", "American": "US",
    "French": "FR", "Congolese": "CD", "Sahrawi": "EH",
    # parts of countries
    "Scottish": "admin1:GB-SCT", "Scot": "admin1:GB-SCT", "Welsh": "admin1:GB-WLS",
    "Northern Irish": "admin1:GB-NIR", "Californian": "admin1:US-CA",
    "Texan": "admin1:US-TX", "Floridian": "admin1:US-FL", "Alaskan": "admin1:US-AK",
    "Hawaiian": "admin1:US-HI", "Virginian": "admin1:US-VA", "Ohioan": "admin1:US-OH",
    "Coloradan": "admin1:US-CO", "Oregonian": "admin1:US-OR", "Arizonan": "admin1:US-AZ",
    "Minnesotan": "admin1:US-MN", "Michigander": "admin1:US-MI", "Quebecer": "admin1:CA-QC",
    "Quebecois": "admin1:CA-QC", "Ontarian": "admin1:CA-ON", "Albertan": "admin1:CA-AB",
    "Bavarian": "admin1:DE-BY", "Catalan": "admin1:ES-CT", "Basque": "admin1:ES-PV",
    "Tasmanian": "admin1:AU-TAS", "Queenslander": "admin1:AU-QLD",
    # the other standard demonyms of US states and Canadian provinces (not "Georgian", the
    # country's; not "Washingtonian", the capital's as often as the state's; not "Victorian", an era)
    "Alabamian": "admin1:US-AL", "Arkansan": "admin1:US-AR", "Delawarean": "admin1:US-DE",
    "Idahoan": "admin1:US-ID", "Illinoisan": "admin1:US-IL", "Indianan": "admin1:US-IN",
    "Iowan": "admin1:US-IA", "Kansan": "admin1:US-KS", "Kentuckian": "admin1:US-KY",
    "Louisianan": "admin1:US-LA", "Louisianian": "admin1:US-LA", "Mainer": "admin1:US-ME",
    "Marylander": "admin1:US-MD", "Mississippian": "admin1:US-MS", "Missourian": "admin1:US-MO",
    "Montanan": "admin1:US-MT", "Nebraskan": "admin1:US-NE", "Nevadan": "admin1:US-NV",
    "New Hampshirite": "admin1:US-NH", "New Jerseyan": "admin1:US-NJ", "New Mexican": "admin1:US-NM",
    "North Carolinian": "admin1:US-NC", "North Dakotan": "admin1:US-ND", "Oklahoman": "admin1:US-OK",
    "Pennsylvanian": "admin1:US-PA", "Rhode Islander": "admin1:US-RI", "South Carolinian": "admin1:US-SC",
    "South Dakotan": "admin1:US-SD", "Tennessean": "admin1:US-TN", "Utahn": "admin1:US-UT",
    "Vermonter": "admin1:US-VT", "West Virginian": "admin1:US-WV", "Wisconsinite": "admin1:US-WI",
    "Wyomingite": "admin1:US-WY", "Manitoban": "admin1:CA-MB", "Saskatchewanian": "admin1:CA-SK",
    "British Columbian": "admin1:CA-BC", "Nova Scotian": "admin1:CA-NS", "New Brunswicker": "admin1:CA-NB",
    "Newfoundlander": "admin1:CA-NL",
    # regions and continents
    "Sahelian": "region:Sahel", "West African": "region:West Africa",
    "East African": "region:East Africa", "North African": "region:North Africa",
    "Middle Eastern": "region:Middle East", "Balkan": "region:Balkans",
    "Central Asian": "region:Central Asia",
    "Southeast Asian": "region:Southeast Asia", "Latin American": "region:Latin America",
    "Scandinavian": "region:Scandinavia", "Baltic": "region:Baltic states",
    "Kashmiri": "region:Kashmir", "Crimean": "region:Crimea",
    "Maghrebi": "region:Maghreb", "Saharan": "region:Sahara", "Siberian": "region:Siberia",
    "Indian": "IN", "English": "admin1:GB-ENG", "Kurdish": "region:Kurdistan", "Arab": "region:Arab world",
    "Soviet": "region:Soviet Union", "Yugoslav": "region:Yugoslavia", "Czechoslovak": "region:Czechoslovakia",
    "East German": "region:East Germany", "West German": "region:West Germany",
    "Central American": "region:Central America", "North American": "continent:NA",
    "South American": "continent:SA",
    # divisions and regions whose adjective news uses as often as their name
    "Tibetan": "region:Tibet", "Chechen": "admin1:RU-CE", "Sicilian": "region:Sicily",
    "Sardinian": "region:Sardinia", "Corsican": "region:Corsica", "Cretan": "region:Crete",
    "Balinese": "region:Bali", "Flemish": "admin1:BE-VLG", "Walloon": "admin1:BE-WAL",
    "Galician": "admin1:ES-GA", "Andalusian": "admin1:ES-AN", "Tuscan": "admin1:IT-52",
    "Tigrayan": "admin1:ET-TI", "Sindhi": "admin1:PK-SD", "Baloch": "admin1:PK-BA", "Baluch": "admin1:PK-BA",
    "Transylvanian": "region:Transylvania", "Anatolian": "region:Anatolia", "Silesian": "region:Silesia",
    "Patagonian": "region:Patagonia", "Himalayan": "region:Himalayas", "Andean": "region:Andes",
    "Levantine": "region:Levant", "Appalachian": "region:Appalachia", "Midwestern": "region:Midwest",
    "New Englander": "region:New England", "Gazan": "region:Gaza Strip", "Darfuri": "region:Darfur",
    "Hong Konger": "HK", "Greenlandic": "GL", "Faroese": "FO",
    # the demonyms of cities news names their people by (not "Roman", "Milanese", "Neapolitan" or
    # "Florentine": an empire, dishes, an ice cream; not "Baghdadi", a surname; "New Yorkers" only
    # in the plural, "The New Yorker" being a magazine)
    "Londoner": "city:2643743", "New Yorkers": "city:5128581", "Parisian": "city:2988507",
    "Muscovite": "city:524901", "Berliner": "city:2950159", "Angeleno": "city:5368361",
    "Angelenos": "city:5368361", "Chicagoan": "city:4887398", "Bostonian": "city:4930956",
    "Dubliner": "city:2964574", "Glaswegian": "city:2648579", "Mancunian": "city:2643123",
    "Liverpudlian": "city:2644210", "Torontonian": "city:6167865", "Montrealer": "city:6077243",
    "Sydneysider": "city:2147714", "Melburnian": "city:2158177", "Viennese": "city:2761369",
    "Cairene": "city:360630", "Philadelphian": "city:4560349", "Detroiter": "city:4990729",
    "Seattleite": "city:5809844", "Atlantan": "city:4180439", "San Franciscan": "city:5391959",
    "New Orleanian": "city:4335045", "Houstonian": "city:4699066", "Dallasite": "city:4684888",
    "Denverite": "city:5419384", "Miamian": "city:4164138", "Baltimorean": "city:4347778",
    "Pittsburgher": "city:5206379", "Clevelander": "city:5150529", "Tokyoite": "city:1850147",
    "Vancouverite": "city:6173331", "Brooklynite": "city:5110302",
    "European": "continent:EU", "African": "continent:AF", "Asian": "continent:AS",
}

#: forms whose plural is not the singular plus "s"
IRREGULAR_PLURALS: dict[str, str] = {
    "Swiss": "Swiss", "Dutch": "Dutch", "French": "French", "British": "British",
    "Irish": "Irish", "Welsh": "Welsh", "Chinese": "Chinese", "Japanese": "Japanese",
    "Spanish": "Spaniards", "Danish": "Danes", "Swedish": "Swedes", "Finnish": "Finns",
    "Polish": "Poles", "Turkish": "Turks", "Scottish": "Scots",
    "Chechen": "Chechens", "Walloon": "Walloons",
}

#: plurals only make sense for people-forms; these endings take a plain "s"
PLURAL_ENDINGS: tuple[str, ...] = ("an", "ian", "i", "er", "ot", "ite", "ino", "ina", "ek", "ak",
                                   "ik", "yz", "ab", "rb", "at", "it", "ic", "nn", "ne", "le", "rk", "en")


def plural(form: str) -> str | None:
    """The plural of a people-form, or None where none is formed by rule."""
    if form in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[form]
    if form.endswith(("ese", "ish", "ch", "ss")):
        return None
    if form.endswith(PLURAL_ENDINGS):
        return form + "s"
    return None
