"""Resolution: the prior, document context, confidence and alternatives."""


def resolved(geoparser, text):
    return {t.text: t.place for t in geoparser.analyse(text).toponyms}


def test_country_beats_namesakes(geoparser):
    places = resolved(geoparser, "Aid reached Benin, Niger, Mali and Mexico.")
    assert places["Benin"].geonameid == 2395170  # the country, not Benin City
    assert places["Niger"].geonameid == 2440476  # the country, not Niger State
    assert places["Mali"].geonameid == 2453866  # not Mali, Guinea
    assert places["Mexico"].kind == "country"  # not Mexico City or México state


def test_container_pairs_choose_the_right_namesake(geoparser):
    assert resolved(geoparser, "She grew up in Paris, Texas.")["Paris"].country_code == "US"
    assert resolved(geoparser, "She grew up in Paris, France.")["Paris"].country_code == "FR"
    assert resolved(geoparser, "Fighting near Gao, Mali, went on.")["Gao"].country_code == "ML"


def test_document_context(geoparser):
    text = ("Storms hit Atlanta and Savannah. Georgia declared an emergency, and Alabama "
            "and Florida sent help. The US National Guard deployed in Georgia.")
    assert resolved(geoparser, text)["Georgia"].country_code == "US"
    text = "Russia and Georgia fought in 2008; Tbilisi says Russia still occupies Georgia."
    assert resolved(geoparser, text)["Georgia"].kind == "country"


def test_one_sense_per_discourse(geoparser):
    analysis = geoparser.analyse("Paris, Texas is small. Paris has a tower too.")
    paris = [t for t in analysis.toponyms if t.text == "Paris"]
    assert len(paris) == 2 and paris[0].place == paris[1].place
    assert paris[0].place.country_code == "US"


def test_confidence_and_alternatives(geoparser):
    analysis = geoparser.analyse("He moved to Springfield last year.")
    (t,) = analysis.toponyms
    assert 0.0 < t.confidence < 0.9  # many Springfields, no context
    assert len(t.alternatives) >= 3
    assert all(0 <= c.score <= t.confidence for c in t.alternatives)
    assert all(c.place.geonameid != t.place.geonameid for c in t.alternatives)
    (mali,) = geoparser.analyse("They left Mali.").toponyms
    # the country for sure; its point is one convention among several, so P(within 161 km) is lower
    assert mali.place.kind == "country" and mali.alternatives[0].score < 0.05
    assert 0.5 < mali.confidence < 1.0


def test_document_focus(geoparser):
    analysis = geoparser.analyse("Gunmen attacked Gao. Later, Mali's army retook Gao and Kidal in Mali.")
    assert analysis.focus.country.country_code == "ML"
    assert analysis.focus.city.name == "Gao"


def test_geo_interface(geoparser):
    analysis = geoparser.analyse("Troops left Timbuktu for Bamako.")
    fc = analysis.__geo_interface__
    assert fc["type"] == "FeatureCollection"
    (timbuktu,) = [f for f in fc["features"] if f["properties"]["name"] == "Timbuktu"]
    lon, lat = timbuktu["geometry"]["coordinates"]
    assert abs(lat - 16.77) < 0.1 and abs(lon + 3.0) < 0.1  # GeoJSON order: lon, lat


def test_geo_interface_is_read_by_geopandas_and_folium(geoparser):
    import folium
    import geopandas

    analysis = geoparser.analyse("Troops left Timbuktu for Bamako, Mali.")
    frame = geopandas.GeoDataFrame.from_features(analysis, crs="EPSG:4326")
    assert sorted(frame["name"]) == ["Bamako", "Mali", "Timbuktu"]
    assert frame.geometry.geom_type.unique().tolist() == ["Point"]
    layer = folium.GeoJson(analysis)
    assert len(layer.data["features"]) == 3


def test_features_are_named_rules_that_can_be_switched_off(gazetteer):
    from geo.pipeline import Geoparser

    rules = {r.name: r for r in Geoparser(gazetteer, events=False).rules() if r.step == "resolve"}
    assert {"population", "primary_name", "container", "country_context", "one_sense_per_discourse"} <= set(rules)
    assert all(r.provenance for r in rules.values())
    text = "She grew up in Paris, Texas."
    without = Geoparser(gazetteer, events=False, disable=["container", "near_anchor", "country_context"])
    assert resolved(without, text)["Paris"].country_code == "FR"  # the container is the only evidence
