"""Named regions the project defines itself, by membership or by extent.

These are not GeoNames records: they get negative ids (stable, listed here)
and feature code ``RGN``. A region's geometry is the union of its member
countries' Natural Earth polygons, clipped to ``clip`` (west, south, east,
north) where the region is only part of those countries (the Sahel is a belt,
not all of Algeria); ``extent`` alone defines regions with no member list.
Its point is a published centre where one exists, else the centroid of the
geometry's largest part.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RegionDefinition:
    id: int
    name: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # ISO 3166-1 alpha-2 codes
    clip: tuple[float, float, float, float] | None = None
    extent: tuple[float, float, float, float] | None = None
    point: tuple[float, float] | None = None  # a published centre (lat, lon), where one exists
    #: GeoNames' feature code: RGN for a region, LK a lake, MT a mountain, STM a river (which
    #: have no compass parts: "West Nile" is a virus and a district, not the Nile's west)
    feature_code: str = "RGN"

    def __post_init__(self) -> None:
        # ("Golan") is a string, not a tuple of one: its letters would each become a name
        if not isinstance(self.aliases, tuple) or any(not isinstance(a, str) or len(a) < 2 for a in self.aliases):
            raise TypeError(f"region {self.name!r}: aliases must be a tuple of names, got {self.aliases!r}")


REGIONS: tuple[RegionDefinition, ...] = (
    RegionDefinition(-1, "Sahel", ("the Sahel", "Sahel region", "Sahel belt"),
                     ("SN", "MR", "ML", "BF", "NE", "TD", "SD", "NG", "CM", "ER"),
                     clip=(-17.6, 11.0, 39.5, 20.0)),
    RegionDefinition(-2, "West Africa", ("Western Africa",),
                     ("BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML",
                      "MR", "NE", "NG", "SN", "SL", "TG")),
    RegionDefinition(-3, "Sahara", ("the Sahara", "Sahara Desert", "Sahara desert"),
                     ("MA", "EH", "DZ", "TN", "LY", "EG", "MR", "ML", "NE", "TD", "SD"),
                     clip=(-17.0, 15.0, 34.0, 31.0)),
    RegionDefinition(-4, "Maghreb", ("the Maghreb", "Maghrib"),
                     ("MA", "DZ", "TN", "LY", "MR", "EH")),
    RegionDefinition(-5, "Horn of Africa", ("the Horn of Africa",),
                     ("ET", "ER", "DJ", "SO")),
    RegionDefinition(-6, "Middle East", ("the Middle East", "Mideast", "Near East"),
                     ("BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM",
                      "PS", "QA", "SA", "SY", "TR", "AE", "YE")),
    RegionDefinition(-7, "Balkans", ("the Balkans", "Balkan Peninsula", "Western Balkans"),
                     ("AL", "BA", "BG", "HR", "XK", "ME", "MK", "RS", "SI", "GR", "RO")),
    RegionDefinition(-8, "Caucasus", ("the Caucasus", "South Caucasus", "Transcaucasia"),
                     ("AM", "AZ", "GE"), ),
    RegionDefinition(-9, "Central Asia", (), ("KZ", "KG", "TJ", "TM", "UZ")),
    RegionDefinition(-10, "Southeast Asia", ("South-East Asia", "South East Asia", "SE Asia"),
                     ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN")),
    RegionDefinition(-11, "Latin America", (),
                     ("AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GT",
                      "HT", "HN", "MX", "NI", "PA", "PY", "PE", "UY", "VE")),
    RegionDefinition(-12, "Scandinavia", (), ("DK", "NO", "SE")),
    RegionDefinition(-13, "Lake Chad", ("Lake Chad Basin", "Lake Chad region"),
                     extent=(12.8, 12.2, 15.2, 14.5)),
    RegionDefinition(-14, "Gulf of Guinea", (), extent=(-8.0, -2.0, 10.0, 6.5)),
    RegionDefinition(-15, "Persian Gulf", ("the Gulf", "Arabian Gulf", "Gulf region"),
                     extent=(47.5, 23.5, 57.0, 30.5)),
    RegionDefinition(-16, "East Africa", ("Eastern Africa",),
                     ("KE", "TZ", "UG", "RW", "BI", "SS", "ET", "SO", "DJ", "ER")),
    RegionDefinition(-17, "Central Africa", (), ("CM", "CF", "TD", "CG", "CD", "GQ", "GA")),
    RegionDefinition(-18, "North Africa", ("Northern Africa",), ("MA", "DZ", "TN", "LY", "EG", "SD")),
    RegionDefinition(-19, "Sub-Saharan Africa", ("sub-Saharan Africa",), ()),
    RegionDefinition(-20, "Eastern Europe", (), ("BY", "BG", "CZ", "HU", "MD", "PL", "RO", "RU", "SK", "UA")),
    RegionDefinition(-21, "Western Europe", (), ("AT", "BE", "FR", "DE", "LI", "LU", "MC", "NL", "CH")),
    RegionDefinition(-22, "Baltic states", ("the Baltics", "Baltic States"), ("EE", "LV", "LT")),
    RegionDefinition(-23, "South Asia", (), ("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK")),
    RegionDefinition(-24, "East Asia", (), ("CN", "JP", "KP", "KR", "MN", "TW")),
    RegionDefinition(-25, "Kashmir", (), extent=(73.0, 32.3, 80.5, 37.0)),
    RegionDefinition(-26, "Gaza Strip", (), extent=(34.2, 31.2, 34.57, 31.6)),
    RegionDefinition(-27, "West Bank", (), extent=(34.9, 31.3, 35.6, 32.6)),
    RegionDefinition(-28, "Donbas", ("Donbass",), extent=(36.5, 46.8, 40.2, 50.1)),
    RegionDefinition(-29, "Crimea", ("Crimean Peninsula",), extent=(32.4, 44.3, 36.7, 46.2)),
    RegionDefinition(-30, "Caribbean", ("the Caribbean", "Caribbean Sea"), extent=(-85.0, 10.0, -59.0, 27.0)),
    RegionDefinition(-31, "European Union", ("EU", "E.U."),
                     ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
                      "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
                     point=(49.843, 9.902)),  # the EU's geographic centre since 2020, Gadheim
    RegionDefinition(-32, "Central America", (), ("BZ", "CR", "SV", "GT", "HN", "NI", "PA")),
    RegionDefinition(-33, "Kurdistan", ("Kurdistan region", "Kurdistan Region", "Iraqi Kurdistan"),
                     extent=(42.3, 34.5, 46.3, 37.4)),
    RegionDefinition(-34, "Korean Peninsula", ("Korean peninsula",), ("KP", "KR")),
    RegionDefinition(-35, "Arabian Peninsula", ("Arabian peninsula", "Arabia"),
                     ("SA", "YE", "OM", "AE", "QA", "BH", "KW")),
    # oceans and seas: their whole extent, so that the point is the middle of the water
    RegionDefinition(-36, "Atlantic Ocean", ("Atlantic", "the Atlantic"),
                     extent=(-70.0, -60.0, 20.0, 65.0)),
    RegionDefinition(-37, "Pacific Ocean", ("Pacific", "the Pacific"), extent=(-180.0, -60.0, -80.0, 60.0),
                     point=(0.0, -160.0)),  # the box stops at the antimeridian; the point does not
    RegionDefinition(-38, "Indian Ocean", (), extent=(40.0, -60.0, 110.0, 25.0)),
    RegionDefinition(-39, "Mediterranean Sea", ("Mediterranean", "the Mediterranean"),
                     extent=(-6.0, 30.0, 36.0, 46.0)),
    RegionDefinition(-40, "Red Sea", (), extent=(36.0, 16.0, 40.0, 22.0)),
    RegionDefinition(-41, "Black Sea", (), extent=(29.0, 41.5, 39.0, 45.5)),
    RegionDefinition(-42, "South China Sea", (), extent=(110.0, 8.0, 118.0, 18.0)),
    RegionDefinition(-43, "Caspian Sea", (), extent=(48.0, 38.0, 53.5, 45.5)),
    RegionDefinition(-44, "Gulf of Mexico", (), extent=(-96.0, 21.0, -84.0, 29.0)),
    RegionDefinition(-45, "North Sea", (), extent=(-2.0, 52.0, 8.0, 60.0)),
    RegionDefinition(-46, "Baltic Sea", (), extent=(15.0, 54.0, 24.0, 60.0)),
    RegionDefinition(-47, "Arctic", ("the Arctic", "Arctic Ocean"), extent=(-180.0, 70.0, 180.0, 90.0)),
    RegionDefinition(-48, "Sinai Peninsula", ("Sinai",), extent=(32.5, 28.0, 34.9, 31.3)),
    RegionDefinition(-49, "Scottish Highlands", (), extent=(-6.0, 56.5, -3.0, 58.6)),
    # islands and historical regions that are no populated place and no division
    RegionDefinition(-50, "Darfur", ("Darfur region",), extent=(22.0, 10.0, 27.5, 16.0)),
    RegionDefinition(-51, "Java", ("Java island",), extent=(105.2, -8.8, 114.6, -5.9)),
    RegionDefinition(-52, "Sumatra", (), extent=(95.2, -6.0, 106.0, 5.9)),
    RegionDefinition(-53, "Borneo", (), extent=(108.8, -4.2, 119.3, 7.1)),
    RegionDefinition(-54, "Sicily", (), extent=(12.4, 36.6, 15.7, 38.3)),
    RegionDefinition(-55, "Sardinia", (), extent=(8.1, 38.8, 9.8, 41.3)),
    RegionDefinition(-56, "Corsica", (), extent=(8.5, 41.3, 9.6, 43.0)),
    RegionDefinition(-57, "Crete", (), extent=(23.5, 34.9, 26.3, 35.7)),
    RegionDefinition(-58, "Bali", (), extent=(114.4, -8.9, 115.7, -8.0)),
    RegionDefinition(-59, "Luzon", (), extent=(119.7, 12.5, 122.6, 18.7)),
    RegionDefinition(-60, "Mindanao", (), extent=(121.9, 5.4, 126.6, 9.9)),
    RegionDefinition(-61, "Long Island", (), extent=(-74.1, 40.5, -71.8, 41.2)),
    RegionDefinition(-62, "Siberia", (), extent=(60.0, 50.0, 140.0, 72.0)),
    RegionDefinition(-63, "Patagonia", (), extent=(-75.0, -55.0, -63.0, -39.0)),
    RegionDefinition(-64, "Tibet", ("Tibet Autonomous Region",), extent=(78.4, 26.8, 99.1, 36.5)),
    RegionDefinition(-65, "Americas", ("the Americas",), extent=(-125.0, -40.0, -50.0, 50.0)),
    RegionDefinition(-66, "Northern Europe", (), ("DK", "EE", "FI", "IS", "IE", "LV", "LT", "NO", "SE", "GB")),
    RegionDefinition(-67, "Southern Europe", (), ("AL", "AD", "BA", "HR", "GR", "IT", "MT", "ME", "MK",
                                                  "PT", "SM", "RS", "SI", "ES")),
    RegionDefinition(-68, "Eastern Ghouta", ("Ghouta", "East Ghouta"), extent=(36.3, 33.45, 36.6, 33.65)),
    RegionDefinition(-69, "Bay of Bengal", (), extent=(80.0, 5.0, 94.0, 22.0)),
    RegionDefinition(-70, "Arabian Sea", (), extent=(55.0, 5.0, 75.0, 24.0)),
    RegionDefinition(-71, "Sea of Japan", ("East Sea",), extent=(128.0, 35.0, 140.0, 50.0)),
    RegionDefinition(-72, "East China Sea", (), extent=(120.0, 25.0, 130.0, 33.0)),
    RegionDefinition(-73, "Aegean Sea", ("Aegean", "the Aegean"), extent=(22.5, 35.0, 28.0, 41.0)),
    # regions inside countries that news names constantly and GeoNames lacks as divisions
    RegionDefinition(-74, "Midwest", ("the Midwest", "Middle West", "American Midwest"), ("US",),
                     clip=(-104.1, 36.0, -80.5, 49.4)),
    RegionDefinition(-75, "New England", (), ("US",), clip=(-73.8, 40.9, -66.9, 47.5)),
    RegionDefinition(-76, "Pacific Northwest", ("the Pacific Northwest",), ("US", "CA"),
                     clip=(-125.0, 42.0, -116.0, 51.0)),
    RegionDefinition(-77, "Great Lakes", ("the Great Lakes", "Great Lakes region"), ("US", "CA"),
                     clip=(-92.2, 41.3, -76.0, 49.0)),
    RegionDefinition(-78, "Yorkshire", ("Yorkshire and the Humber",), ("GB",), clip=(-2.6, 53.3, 0.2, 54.6)),
    RegionDefinition(-79, "West Midlands", (), ("GB",), clip=(-3.25, 51.85, -1.15, 53.23)),
    RegionDefinition(-80, "East Midlands", (), ("GB",), clip=(-2.05, 51.95, 0.35, 53.62)),
    RegionDefinition(-81, "East Anglia", (), ("GB",), clip=(0.0, 51.9, 1.8, 53.0)),
    RegionDefinition(-82, "Greater Manchester", (), ("GB",), clip=(-2.73, 53.33, -1.91, 53.69)),
    RegionDefinition(-83, "Merseyside", (), ("GB",), clip=(-3.2, 53.3, -2.57, 53.7)),
    RegionDefinition(-84, "West Country", ("the West Country",), ("GB",), clip=(-5.75, 49.95, -2.0, 51.7)),
    RegionDefinition(-85, "Lake District", ("the Lake District",), ("GB",), clip=(-3.4, 54.2, -2.7, 54.7)),
    RegionDefinition(-86, "Cotswolds", ("the Cotswolds",), ("GB",), clip=(-2.4, 51.6, -1.6, 52.15)),
    # the Arab League's 22 members: what news means by "Arab states", "Arab leaders", "the Arab world"
    RegionDefinition(-87, "Arab world", ("Arab World", "Arab states", "Arab countries", "Arab nations"),
                     ("DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS",
                      "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE")),
    # states that no longer exist, which news and encyclopaedias name constantly ("born in the
    # Soviet Union"): the union of their successors, or the part of one successor they were
    RegionDefinition(-88, "Soviet Union", ("USSR", "U.S.S.R."),
                     ("RU", "UA", "BY", "MD", "EE", "LV", "LT", "GE", "AM", "AZ", "KZ", "KG", "TJ", "TM", "UZ")),
    RegionDefinition(-89, "Yugoslavia", ("former Yugoslavia",),
                     ("SI", "HR", "BA", "RS", "ME", "MK", "XK")),
    RegionDefinition(-90, "Czechoslovakia", (), ("CZ", "SK")),
    RegionDefinition(-91, "East Germany", ("German Democratic Republic",), ("DE",), clip=(9.9, 50.2, 15.1, 54.7)),
    RegionDefinition(-92, "West Germany", (), ("DE",), clip=(5.8, 47.2, 11.0, 55.1)),
    # disputed and de facto territories that are no division of the gazetteer
    RegionDefinition(-93, "Nagorno-Karabakh", ("Nagorno Karabakh", "Karabakh", "Artsakh"),
                     extent=(46.1, 39.3, 47.3, 40.3)),
    RegionDefinition(-94, "Golan Heights", ("Golan",), extent=(35.6, 32.6, 35.9, 33.35)),
    # islands GeoNames files under feature class T, which no source package carries
    RegionDefinition(-95, "Vancouver Island", (), extent=(-128.5, 48.3, -123.3, 50.8)),
    RegionDefinition(-96, "Oahu", ("O'ahu", "O‘ahu"), extent=(-158.3, 21.25, -157.65, 21.72)),
    RegionDefinition(-97, "Maui", (), extent=(-156.7, 20.57, -155.98, 21.03)),
    RegionDefinition(-98, "Kauai", ("Kaua'i", "Kaua‘i"), extent=(-159.8, 21.87, -159.29, 22.24)),
    RegionDefinition(-99, "Big Island", ("Hawaii Island",), extent=(-156.07, 18.9, -154.8, 20.27)),
    RegionDefinition(-100, "Honshu", (), extent=(130.8, 33.4, 142.1, 41.6)),
    RegionDefinition(-101, "Kyushu", (), extent=(129.5, 31.0, 132.1, 34.0)),
    RegionDefinition(-102, "Lesbos", ("Lesvos",), extent=(25.8, 38.95, 26.65, 39.45)),
    # US regions of the news
    RegionDefinition(-103, "San Francisco Bay Area", ("Bay Area",),
                     ("US",), clip=(-122.75, 37.1, -121.6, 38.35)),
    RegionDefinition(-104, "Silicon Valley", (), ("US",), clip=(-122.3, 37.2, -121.7, 37.6)),
    RegionDefinition(-105, "Gulf Coast", (), ("US",), clip=(-97.5, 25.8, -82.5, 30.8)),
    # mountain ranges, a rainforest and a historical region news names by name (GeoNames files the
    # ranges under class T, which the packages leave out); a bare "Amazon" is the company far more
    # often than the forest, so only its qualified names
    RegionDefinition(-106, "Alps", (), extent=(5.0, 43.8, 16.3, 48.2)),
    RegionDefinition(-107, "Himalayas", ("Himalaya", "Himalayan region"), extent=(72.5, 26.5, 97.0, 36.0),
                     point=(28.0, 84.0)),  # the middle of the arc; the box's centre is on the Tibetan plateau
    RegionDefinition(-108, "Andes", ("Andes Mountains", "Andean region"), extent=(-80.0, -55.0, -63.0, 11.0)),
    RegionDefinition(-109, "Amazon rainforest", ("Amazon basin", "Amazonia", "Amazon region", "Amazon jungle"),
                     extent=(-79.0, -17.0, -46.0, 5.5)),
    RegionDefinition(-110, "Levant", (), ("SY", "LB", "IL", "PS", "JO")),
    RegionDefinition(-111, "Rocky Mountains", ("Rockies",), extent=(-125.0, 35.0, -104.5, 60.0)),
    RegionDefinition(-112, "Ural Mountains", ("Urals",), extent=(56.0, 51.0, 66.0, 68.5)),
    RegionDefinition(-113, "Pyrenees", (), extent=(-2.0, 42.3, 3.3, 43.3)),
    RegionDefinition(-114, "Appalachia", ("Appalachian Mountains", "Appalachians"), extent=(-88.0, 33.5, -74.0, 42.5)),
    # historical and cultural regions that news and encyclopaedias name and that are no division of
    # the gazetteer, where the bare name otherwise finds only a small namesake on another continent
    # (Bohemia, New York; Sussex, Wisconsin) or nothing at all; boxes of their usual extent
    RegionDefinition(-115, "Bohemia", (), extent=(12.1, 48.55, 16.9, 51.06)),
    RegionDefinition(-116, "Moravia", (), extent=(15.4, 48.6, 18.9, 50.3)),
    RegionDefinition(-117, "Transylvania", (), extent=(21.0, 45.2, 26.6, 48.0)),
    RegionDefinition(-118, "Dalmatia", (), extent=(14.9, 42.4, 18.6, 44.5)),
    RegionDefinition(-119, "Anatolia", ("Asia Minor",), extent=(26.0, 36.0, 44.8, 42.1)),
    RegionDefinition(-120, "Mesopotamia", (), extent=(38.0, 30.0, 48.5, 37.5)),
    RegionDefinition(-121, "Manchuria", (), extent=(119.0, 38.7, 135.1, 53.6)),
    RegionDefinition(-122, "Burgundy", (), extent=(2.8, 46.15, 5.5, 48.4)),
    RegionDefinition(-123, "Alsace", (), extent=(6.8, 47.4, 8.25, 49.1)),
    RegionDefinition(-124, "Provence", (), extent=(4.2, 43.0, 7.0, 44.6)),
    RegionDefinition(-125, "Lorraine", (), extent=(4.9, 47.8, 7.6, 49.6)),
    RegionDefinition(-126, "Gascony", (), extent=(-1.8, 42.8, 1.5, 44.6)),
    RegionDefinition(-127, "Picardy", (), extent=(1.4, 49.0, 4.3, 50.4)),
    RegionDefinition(-128, "Franconia", (), extent=(9.0, 49.0, 12.3, 50.6)),
    RegionDefinition(-129, "Westphalia", (), extent=(6.0, 51.0, 9.5, 52.5)),
    RegionDefinition(-130, "Rhineland", ("the Rhineland",), extent=(6.0, 49.5, 7.8, 51.8)),
    RegionDefinition(-131, "Ruhr", ("the Ruhr", "Ruhr valley", "Ruhr Valley", "Ruhr area"), extent=(6.6, 51.3, 7.7, 51.65)),
    RegionDefinition(-132, "Thrace", (), extent=(22.5, 40.6, 29.5, 42.5)),
    RegionDefinition(-133, "Bessarabia", (), extent=(26.6, 45.2, 30.2, 48.5)),
    RegionDefinition(-134, "Carpathian Mountains", ("Carpathians",), extent=(17.5, 44.5, 27.0, 50.0),
                     point=(47.5, 24.5)),  # the middle of the arc, not the plain inside it
    RegionDefinition(-135, "Iberian Peninsula", ("Iberian peninsula",), extent=(-9.5, 36.0, 3.3, 43.8)),
    RegionDefinition(-167, "Silesia", (), extent=(14.8, 49.5, 19.5, 51.8)),  # Polish and Czech Silesia
    # islands news names that are no division of the gazetteer (GeoNames files islands under class T,
    # which no source package carries), where the bare name otherwise finds nothing or a namesake
    RegionDefinition(-168, "Sulawesi", ("Celebes",), extent=(118.8, -5.7, 125.3, 1.8), point=(-2.0, 121.0)),
    RegionDefinition(-169, "Lombok", (), extent=(115.82, -8.95, 116.72, -8.2)),
    RegionDefinition(-170, "Timor", (), extent=(123.4, -10.4, 127.35, -8.1)),
    RegionDefinition(-171, "New Guinea", (), extent=(130.9, -10.7, 150.9, -0.3), point=(-5.5, 141.0)),
    RegionDefinition(-172, "Kalimantan", (), ("ID",), clip=(108.8, -4.2, 119.3, 4.4)),  # Indonesia's Borneo
    RegionDefinition(-173, "Mallorca", ("Majorca",), extent=(2.3, 39.25, 3.5, 40.0)),
    RegionDefinition(-174, "Gran Canaria", (), extent=(-15.85, 27.73, -15.35, 28.18)),
    RegionDefinition(-175, "Tahiti", (), extent=(-149.65, -17.9, -149.1, -17.48)),
    RegionDefinition(-176, "Hispaniola", (), extent=(-74.5, 17.5, -68.3, 20.1)),
    RegionDefinition(-177, "Baffin Island", (), extent=(-90.0, 61.8, -61.0, 73.8), point=(68.5, -71.0)),
    RegionDefinition(-178, "Mindoro", (), extent=(120.3, 12.2, 121.6, 13.55)),
    RegionDefinition(-179, "Negros", (), extent=(122.35, 9.0, 123.6, 11.0)),
    RegionDefinition(-180, "Shikoku", (), extent=(132.0, 32.7, 134.8, 34.5)),
    RegionDefinition(-181, "Bioko", (), extent=(8.4, 3.2, 8.98, 3.8)),
    RegionDefinition(-182, "Sumba", (), extent=(118.9, -10.35, 120.85, -9.35)),
    RegionDefinition(-183, "Hebrides", ("the Hebrides",), extent=(-7.7, 55.7, -5.6, 58.55)),
    RegionDefinition(-184, "Martha's Vineyard", ("Martha’s Vineyard",), extent=(-70.85, 41.3, -70.45, 41.5)),
    RegionDefinition(-185, "Nevis", (), extent=(-62.65, 17.08, -62.52, 17.22)),
    RegionDefinition(-186, "Elba", (), extent=(10.1, 42.7, 10.45, 42.9)),
    RegionDefinition(-187, "Isle of Skye", ("Skye",), extent=(-6.8, 56.95, -5.65, 57.72)),
    RegionDefinition(-188, "Rhodes", (), extent=(27.68, 35.87, 28.25, 36.47)),
    # England's and Scotland's historic counties split into compass-named divisions ("East Sussex",
    # "West Lothian"): the whole is what a bare name means
    RegionDefinition(-136, "Sussex", (), extent=(-0.95, 50.72, 0.87, 51.17)),
    RegionDefinition(-137, "Lothian", ("the Lothians",), extent=(-3.8, 55.75, -2.35, 56.05)),
    RegionDefinition(-138, "Ayrshire", (), extent=(-5.2, 54.95, -4.1, 55.85)),
    RegionDefinition(-139, "Lanarkshire", (), extent=(-4.25, 55.4, -3.4, 55.95)),
    # likewise regions of the Middle East, Africa and Asia whose parts are the divisions
    RegionDefinition(-140, "Galilee", ("the Galilee",), extent=(34.9, 32.5, 35.7, 33.3)),
    RegionDefinition(-141, "Negev", ("the Negev", "Negev desert", "Negev Desert"), extent=(34.25, 29.5, 35.4, 31.4)),
    RegionDefinition(-142, "Hejaz", ("Hijaz",), extent=(35.0, 20.0, 41.5, 29.5)),
    RegionDefinition(-143, "South Ossetia", (), extent=(43.4, 42.0, 44.6, 42.8)),
    RegionDefinition(-144, "Cyrenaica", (), extent=(18.5, 29.0, 25.2, 33.0)),
    RegionDefinition(-145, "Tripolitania", (), extent=(10.0, 29.5, 17.5, 33.2)),
    RegionDefinition(-146, "Fezzan", (), extent=(9.5, 23.0, 18.0, 29.0)),
    RegionDefinition(-147, "Kordofan", (), extent=(27.0, 9.5, 32.5, 16.0)),
    RegionDefinition(-148, "Equatoria", (), extent=(27.0, 3.5, 34.0, 6.5)),
    RegionDefinition(-149, "Ogaden", (), extent=(41.0, 4.5, 48.0, 9.5)),
    RegionDefinition(-150, "Bengal", (), extent=(85.8, 20.7, 92.7, 27.2)),
    RegionDefinition(-151, "Visayas", ("the Visayas",), extent=(121.8, 9.0, 126.1, 12.7)),
    # regions of the United States and Australia that its news names
    RegionDefinition(-152, "Great Plains", ("the Great Plains",), extent=(-105.0, 33.0, -95.0, 49.0)),
    RegionDefinition(-153, "Deep South", ("the Deep South",), extent=(-94.0, 29.0, -79.0, 35.0)),
    RegionDefinition(-154, "Rust Belt", ("the Rust Belt",), extent=(-90.0, 39.0, -74.0, 44.0)),
    RegionDefinition(-155, "Cape Cod", (), extent=(-70.7, 41.5, -69.9, 42.1)),
    RegionDefinition(-156, "Ozarks", ("the Ozarks", "Ozark Mountains"), extent=(-94.5, 35.5, -90.5, 38.5)),
    RegionDefinition(-157, "Everglades", ("the Everglades",), extent=(-81.5, 25.1, -80.3, 26.8)),
    RegionDefinition(-158, "Catskills", ("the Catskills", "Catskill Mountains"), extent=(-75.0, 41.8, -73.9, 42.5)),
    RegionDefinition(-159, "Adirondacks", ("the Adirondacks", "Adirondack Mountains"),
                     extent=(-75.5, 43.2, -73.3, 44.9)),
    RegionDefinition(-160, "Florida Keys", ("the Florida Keys",), extent=(-82.0, 24.5, -80.3, 25.3)),
    RegionDefinition(-161, "Australian Outback", ("the Outback",), extent=(120.0, -32.0, 145.0, -18.0)),
    # river deltas news names as regions (the Niger Delta is Nigeria's, not Niger's)
    RegionDefinition(-162, "Niger Delta", ("the Niger Delta",), extent=(4.8, 4.2, 8.5, 6.6)),
    RegionDefinition(-163, "Mekong Delta", ("the Mekong Delta",), extent=(104.4, 8.5, 106.8, 11.0)),
    RegionDefinition(-164, "Nile Delta", ("the Nile Delta",), extent=(29.8, 30.0, 32.3, 31.6)),
    RegionDefinition(-165, "Okavango Delta", ("the Okavango Delta",), extent=(22.0, -20.2, 23.9, -18.3)),
    RegionDefinition(-166, "Jersey Shore", ("the Jersey Shore",), extent=(-74.3, 38.9, -73.9, 40.5)),
    # lakes, mountains and rivers news names by name. GeoNames files them under classes H and T,
    # which no source package carries; without them "Lake Victoria" found Victoria, Hong Kong. Lakes
    # by their extent, mountains at their summit, rivers at their mouth, where GeoNames and Wikipedia
    # place a river. Ids from -301 (the project's divisions hold -201 to -262)
    RegionDefinition(-301, "Lake Victoria", (), extent=(31.5, -3.1, 34.9, 0.5), feature_code="LK"),
    RegionDefinition(-302, "Lake Tanganyika", (), extent=(29.0, -8.8, 31.2, -3.3), feature_code="LK"),
    RegionDefinition(-303, "Lake Malawi", ("Lake Nyasa",), extent=(33.9, -14.5, 35.3, -9.5), feature_code="LK"),
    RegionDefinition(-304, "Lake Kivu", (), extent=(28.8, -2.5, 29.4, -1.6), feature_code="LK"),
    RegionDefinition(-305, "Lake Albert", (), extent=(30.5, 1.0, 31.4, 2.3), feature_code="LK"),
    RegionDefinition(-306, "Lake Turkana", (), extent=(35.7, 2.3, 36.7, 4.7), feature_code="LK"),
    RegionDefinition(-307, "Lake Titicaca", (), extent=(-70.0, -16.6, -68.6, -15.2), feature_code="LK"),
    RegionDefinition(-308, "Lake Baikal", (), extent=(103.7, 51.4, 109.9, 55.9), feature_code="LK"),
    RegionDefinition(-309, "Lake Superior", (), extent=(-92.2, 46.4, -84.3, 49.0), feature_code="LK"),
    RegionDefinition(-310, "Lake Michigan", (), extent=(-88.1, 41.6, -84.7, 46.1), feature_code="LK"),
    RegionDefinition(-311, "Lake Huron", (), extent=(-84.8, 43.0, -79.7, 46.3), feature_code="LK"),
    RegionDefinition(-312, "Lake Erie", (), extent=(-83.5, 41.4, -78.8, 42.9), feature_code="LK"),
    RegionDefinition(-313, "Lake Ontario", (), extent=(-79.9, 43.2, -76.1, 44.3), feature_code="LK"),
    RegionDefinition(-314, "Lake Okeechobee", (), extent=(-81.1, 26.7, -80.6, 27.2), feature_code="LK"),
    RegionDefinition(-315, "Lake Mead", (), extent=(-114.9, 36.0, -114.0, 36.5), feature_code="LK"),
    RegionDefinition(-316, "Dead Sea", ("the Dead Sea",), extent=(35.35, 31.0, 35.6, 31.8), feature_code="LK"),
    RegionDefinition(-317, "Sea of Galilee", ("Lake Tiberias",), extent=(35.5, 32.7, 35.66, 32.9), feature_code="LK"),
    RegionDefinition(-318, "Mount Everest", ("Everest",), extent=(86.83, 27.89, 87.02, 28.09), point=(27.988, 86.925), feature_code="MT"),
    RegionDefinition(-319, "Mount Kilimanjaro", (), extent=(37.26, -3.17, 37.46, -2.97), point=(-3.067, 37.356), feature_code="MT"),
    RegionDefinition(-320, "Mount Etna", ("Etna",), extent=(14.89, 37.65, 15.09, 37.85), point=(37.751, 14.993), feature_code="MT"),
    RegionDefinition(-321, "Mount Vesuvius", ("Vesuvius",), extent=(14.33, 40.72, 14.53, 40.92), point=(40.821, 14.426), feature_code="MT"),
    RegionDefinition(-322, "Mount Fuji", ("Fuji-san",), extent=(138.63, 35.26, 138.83, 35.46), point=(35.361, 138.727), feature_code="MT"),
    RegionDefinition(-323, "Mount Kenya", (), extent=(37.21, -0.25, 37.41, -0.05), point=(-0.152, 37.308), feature_code="MT"),
    RegionDefinition(-324, "Mount Rainier", (), extent=(-121.86, 46.75, -121.66, 46.95), point=(46.853, -121.76), feature_code="MT"),
    RegionDefinition(-325, "Mount St. Helens", ("Mount Saint Helens", "Mt. St. Helens"), extent=(-122.30, 46.09, -122.10, 46.29), point=(46.191, -122.196), feature_code="MT"),
    RegionDefinition(-326, "Mount Merapi", ("Merapi",), extent=(110.35, -7.64, 110.55, -7.44), point=(-7.541, 110.446), feature_code="MT"),
    RegionDefinition(-327, "Mount Nyiragongo", ("Nyiragongo",), extent=(29.15, -1.62, 29.35, -1.42), point=(-1.52, 29.25), feature_code="MT"),
    RegionDefinition(-328, "Mount Elbrus", ("Elbrus",), extent=(42.34, 43.25, 42.54, 43.45), point=(43.355, 42.439), feature_code="MT"),
    RegionDefinition(-329, "Mont Blanc", (), extent=(6.77, 45.73, 6.96, 45.93), point=(45.833, 6.865), feature_code="MT"),
    RegionDefinition(-330, "Mount Sinai", (), extent=(33.88, 28.44, 34.08, 28.64), point=(28.539, 33.975), feature_code="MT"),
    RegionDefinition(-331, "Nile", ("the Nile", "Nile River", "River Nile"), extent=(30.70, 31.25, 31.10, 31.65), point=(31.45, 30.9), feature_code="STM"),
    RegionDefinition(-332, "Amazon River", ("River Amazon",), extent=(-50.20, -0.20, -49.80, 0.20), point=(0.0, -50.0), feature_code="STM"),
    RegionDefinition(-333, "Mississippi River", ("the Mississippi River",), extent=(-89.45, 28.95, -89.05, 29.35), point=(29.15, -89.25), feature_code="STM"),
    RegionDefinition(-334, "Yangtze", ("the Yangtze", "Yangtze River", "Chang Jiang"), extent=(121.70, 31.20, 122.10, 31.60), point=(31.4, 121.9), feature_code="STM"),
    RegionDefinition(-335, "Danube", ("the Danube", "Danube River", "River Danube"), extent=(29.55, 45.02, 29.95, 45.42), point=(45.22, 29.75), feature_code="STM"),
    RegionDefinition(-336, "Rhine", ("the Rhine", "Rhine River", "River Rhine"), extent=(3.90, 51.78, 4.30, 52.18), point=(51.98, 4.1), feature_code="STM"),
    RegionDefinition(-337, "Thames", ("the Thames", "River Thames", "Thames River"), extent=(0.40, 51.30, 0.80, 51.70), point=(51.5, 0.6), feature_code="STM"),
    RegionDefinition(-338, "Euphrates", ("the Euphrates", "Euphrates River"), extent=(47.24, 30.80, 47.64, 31.20), point=(31.0, 47.44), feature_code="STM"),
    RegionDefinition(-339, "Tigris", ("the Tigris", "Tigris River"), extent=(47.24, 30.80, 47.64, 31.20), point=(31.0, 47.44), feature_code="STM"),
    RegionDefinition(-340, "Mekong", ("the Mekong", "Mekong River"), extent=(106.40, 9.50, 106.80, 9.90), point=(9.7, 106.6), feature_code="STM"),
    RegionDefinition(-341, "Congo River", ("River Congo",), extent=(12.20, -6.25, 12.60, -5.85), point=(-6.05, 12.4), feature_code="STM"),
    RegionDefinition(-342, "Niger River", ("River Niger",), extent=(5.90, 4.10, 6.30, 4.50), point=(4.3, 6.1), feature_code="STM"),
    RegionDefinition(-343, "Ganges", ("the Ganges", "Ganges River", "River Ganges"), extent=(88.70, 21.90, 89.10, 22.30), point=(22.1, 88.9), feature_code="STM"),
    RegionDefinition(-344, "Indus", ("the Indus", "Indus River", "River Indus"), extent=(67.25, 23.80, 67.65, 24.20), point=(24.0, 67.45), feature_code="STM"),
    RegionDefinition(-345, "Volga", ("the Volga", "Volga River"), extent=(47.65, 45.75, 48.05, 46.15), point=(45.95, 47.85), feature_code="STM"),
    RegionDefinition(-346, "Dnieper", ("the Dnieper", "Dnipro River", "the Dnipro", "Dnieper River"), extent=(32.10, 46.30, 32.50, 46.70), point=(46.5, 32.3), feature_code="STM"),
    RegionDefinition(-347, "Jordan River", ("River Jordan", "the Jordan River"), extent=(35.36, 31.56, 35.76, 31.96), point=(31.76, 35.56), feature_code="STM"),
    RegionDefinition(-348, "Rio Grande", ("the Rio Grande", "Río Bravo"), extent=(-97.35, 25.76, -96.95, 26.16), point=(25.96, -97.15), feature_code="STM"),
    RegionDefinition(-349, "Colorado River", (), extent=(-115.00, 31.60, -114.60, 32.00), point=(31.8, -114.8), feature_code="STM"),
    RegionDefinition(-350, "Missouri River", (), extent=(-90.32, 38.61, -89.92, 39.01), point=(38.81, -90.12), feature_code="STM"),
    RegionDefinition(-351, "Ohio River", (), extent=(-89.33, 36.79, -88.93, 37.19), point=(36.99, -89.13), feature_code="STM"),
    RegionDefinition(-352, "Hudson River", ("the Hudson River",), extent=(-74.22, 40.50, -73.82, 40.90), point=(40.7, -74.02), feature_code="STM"),
    RegionDefinition(-353, "Potomac River", ("the Potomac",), extent=(-76.50, 37.80, -76.10, 38.20), point=(38.0, -76.3), feature_code="STM"),
    RegionDefinition(-354, "Seine", ("the Seine", "River Seine"), extent=(0.00, 49.24, 0.40, 49.64), point=(49.44, 0.2), feature_code="STM"),
)


def sub_saharan_members(countries_by_continent: dict[str, list[str]]) -> tuple[str, ...]:
    """Sub-Saharan Africa: Africa less North Africa (computed, not listed)."""
    north = {"MA", "DZ", "TN", "LY", "EG", "EH", "SD"}
    return tuple(cc for cc in countries_by_continent.get("AF", []) if cc not in north)
