"""Names the source packages lack or spell differently from English news.

Each table is keyed by a code the sources share (ISO 3166-1 alpha-2, ISO
3166-2, a GeoNames id), never by a name, so a source update cannot silently
detach an alias from its place.
"""

from __future__ import annotations

# Aliases that the packages lack or spell differently; ISO alpha-2 -> names.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "U.S.A.", "USA", "America", "United States of America", "the States"),
    "GB": ("U.K.", "UK", "Britain", "Great Britain", "United Kingdom"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    # news (AP, Reuters) calls the larger Congo "Congo" too: the article's other places choose
    "CD": ("DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire", "Congo"),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "MM": ("Burma",),
    "CN": ("PRC", "People's Republic of China", "Mainland China"),
    "NL": ("Holland", "the Netherlands"),
    "CZ": ("Czechia", "Czech Republic"),
    "TR": ("Türkiye", "Turkiye"),
    "CV": ("Cabo Verde",),
    "SZ": ("Eswatini", "Swaziland"),
    "MK": ("Macedonia", "North Macedonia"),
    "TL": ("East Timor", "Timor-Leste"),
    "KR": ("South Korea", "Republic of Korea", "Korea"),
    "KP": ("North Korea", "DPRK"),
    "RU": ("Russian Federation",),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "PS": ("Palestinian territories", "Palestinian Territories", "State of Palestine"),
    "GM": ("the Gambia",),
    "BS": ("the Bahamas",),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "FM": ("Micronesia",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "XK": ("Kosovo",),
    # former names that reports and place histories still use (the country is meant, not a
    # province or a town that kept the name): Zaire above, and
    "LK": ("Ceylon",),
    "TH": ("Siam",),
    "IR": ("Persia",),
}

#: AP-style and postal abbreviations of first-level divisions, by ISO 3166-2 code; only
#: forms that are not also English words ("Miss.", "Ill.", "Wash." are left out)
ADMIN1_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "US-AL": ("Ala.",), "US-AZ": ("Ariz.",), "US-AR": ("Ark.",), "US-CA": ("Calif.",),
    "US-CO": ("Colo.",), "US-CT": ("Conn.",), "US-FL": ("Fla.",), "US-GA": ("Ga.",),
    "US-KS": ("Kan.", "Kans."), "US-KY": ("Ky.",), "US-MD": ("Md.",), "US-MA": ("Mass.",),
    "US-MI": ("Mich.",), "US-MN": ("Minn.",), "US-MT": ("Mont.",), "US-NE": ("Neb.", "Nebr."),
    "US-NV": ("Nev.",), "US-NH": ("N.H.",), "US-NJ": ("N.J.",), "US-NM": ("N.M.",),
    "US-NY": ("N.Y.",), "US-NC": ("N.C.",), "US-ND": ("N.D.",), "US-OK": ("Okla.",),
    "US-PA": ("Pa.", "Penn."), "US-RI": ("R.I.",), "US-SC": ("S.C.",), "US-SD": ("S.D.",),
    "US-TN": ("Tenn.",), "US-TX": ("Tex.",), "US-VT": ("Vt.",), "US-VA": ("Va.",),
    "US-WV": ("W.Va.", "W. Va."), "US-WI": ("Wis.", "Wisc."), "US-WY": ("Wyo.",),
    "CA-BC": ("B.C.",), "AU-NSW": ("NSW", "N.S.W."),
    # also English words: the recogniser takes these only after "Town, " ("Springfield, Ill.")
    "US-IL": ("Ill.",), "US-LA": ("La.",), "US-WA": ("Wash.",), "US-MS": ("Miss.",),
    "US-MO": ("Mo.",), "US-IN": ("Ind.",), "US-OR": ("Ore.",), "US-DE": ("Del.",), "CA-ON": ("Ont.",),
    "CA-QC": ("Que.",), "CA-AB": ("Alta.",),
}

#: the former names of renamed or merged first-level divisions that news archives use, by ISO 3166-2
#: code (GeoNames keeps the current name only): Orissa (Odisha since 2011), Uttaranchal (Uttarakhand
#: since 2007), the North-West Frontier Province (Khyber Pakhtunkhwa since 2010), Norway's old counties
ADMIN1_FORMER_NAMES: dict[str, tuple[str, ...]] = {
    "IN-OD": ("Orissa",), "IN-UK": ("Uttaranchal",),
    # Norway's counties merged in 2018-2020, under the merged county that holds them
    "NO-34": ("Hedmark", "Oppland"), "NO-42": ("Vest-Agder", "Aust-Agder"),
    "NO-46": ("Hordaland", "Sogn og Fjordane"), "NO-50": ("Sør-Trøndelag", "Nord-Trøndelag"),
    "PK-KP": ("North-West Frontier Province", "North West Frontier Province", "NWFP", "N.W.F.P."),
}

#: the short forms news uses for first-level divisions whose names are long, by ISO 3166-2 code
#: (CBC and Canadian Press style: "St. John's, Newfoundland", "Charlottetown, P.E.I.")
ADMIN1_SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "CA-NL": ("Newfoundland",), "CA-PE": ("P.E.I.",),
}

#: well-known short forms of cities that GeoNames' alternate names lack, by geonameid
CITY_ALIASES: dict[int, tuple[str, ...]] = {
    4140963: ("D.C.", "Washington, D.C.", "Washington D.C.", "Washington DC"),
}

#: country codes whose GeoNames record sits in no package; built from Natural Earth
EXTRA_COUNTRIES: dict[str, tuple[int, str]] = {"XK": (831053, "Kosovo")}
