from vietnamese.glossary import Glossary

GLOSSARY = Glossary.from_rows(
    [
        ("Thứ trưởng Bộ Công Thương", "Deputy Minister of Industry and Trade"),
        ("Phó Chủ tịch UBND tỉnh {place}", "Vice Chair of the {place} Provincial People's Committee"),
        ("Sở Công Thương {place} đã đăng cai tổ chức", "The {place} Department of Industry and Trade, as host"),
    ]
)


def test_a_whole_phrase_is_rendered():
    assert GLOSSARY.english("Thứ trưởng Bộ Công Thương") == "Deputy Minister of Industry and Trade"


def test_a_place_is_kept_as_written():
    assert (
        GLOSSARY.english("Phó Chủ tịch UBND tỉnh Thanh Hóa")
        == "Vice Chair of the Thanh Hóa Provincial People's Committee"
    )


def test_case_and_spaces_do_not_matter_but_the_place_keeps_its_spelling():
    assert (
        GLOSSARY.english("Sở Công thương  Thanh Hóa đã đăng cai tổ chức")
        == "The Thanh Hóa Department of Industry and Trade, as host"
    )


def test_a_phrase_not_in_the_glossary_has_no_rendering():
    assert GLOSSARY.english("Thứ trưởng Bộ Tài chính") is None
    assert GLOSSARY.english("Thứ trưởng Bộ Công Thương, Trưởng ban") is None  # only whole phrases


def test_the_reference_glossary_reads_and_renders_its_own_phrases():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "fixtures" / "reference" / "glossary-vi-en.csv"
    glossary = Glossary.read(path)
    assert glossary.english("Giám đốc Sở Công Thương") == "Director of the Department of Industry and Trade"
    assert len(glossary.entries) >= 10
