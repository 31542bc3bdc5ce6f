"""Name keys per kind: what folds together and what stays apart."""

from __future__ import annotations

import pytest

from reelgraph.resolve.keys import (
    base_key,
    canonical_name,
    company_key,
    festival_key,
    film_key,
    number_tokens,
    parse_person,
    place_key,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Square", "Square"),
        ("“Don’t Look Up”", "Dont Look Up"),
        ("Tango & Cash", "tango and cash"),
        ("Amélie", "AMELIE"),
        ("Suspiria (1977)", "Suspiria"),
    ],
)
def test_film_keys_fold(a: str, b: str) -> None:
    assert film_key(a) == film_key(b)


def test_film_numbers_are_kept() -> None:
    assert film_key("Toy Story 2") != film_key("Toy Story 3")
    assert number_tokens(film_key("Rocky II")) == {"ii"}
    assert number_tokens(film_key("Ocean's Eleven")) == {"11"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Andrei Konchalovsky", "Andrey Konchalovskiy"),
        ("Andrej Končalovski", "Andrei Konchalovsky"),
        ("Julia Vysotskaya", "Yulia Vysotskaya"),
        ("Aleksandr Sokurov", "Alexander Sokurov"),
        ("Jean-Christophe Simon", "Jean Christophe Simon"),
        ("François Ozon", "Francois Ozon"),
        ("Robert Downey Jr.", "Robert Downey"),
    ],
)
def test_person_keys_fold(a: str, b: str) -> None:
    assert parse_person(a).key == parse_person(b).key


def test_person_parse() -> None:
    assert parse_person("J. Smith").initials is True
    assert parse_person("J.J. Abrams").given == ("jj",)
    assert parse_person("Al Pacino").initials is False
    assert parse_person("Lars von Trier").surname == ("von", "trier")
    assert parse_person("Smith").given == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("TF1 Intl.", "TF1 International"),
        ("Films Boutique SA", "Films Boutique"),
        ("Rapid Eye Movies GmbH & Co. KG", "Rapid Eye Movies"),
        ("Sony Pictures Classics, Inc.", "Sony Pictures Classics"),
        ("Wild Bunch S.A.S.", "Wild Bunch"),
        ("Int'l Pictures Ltd", "International Pictures"),
    ],
)
def test_company_keys_fold(a: str, b: str) -> None:
    assert company_key(a) == company_key(b)


def test_company_words_are_kept() -> None:
    assert company_key("Memento Films International") != company_key("Memento International")
    assert company_key("Pathé Films") != company_key("Pathé")
    assert company_key("Co") == "co"  # a suffix alone is not dropped


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Berlinale", "Berlin International Film Festival"),
        ("Venice Intl. Film Festival", "Venice International Film Festival"),
        ("the 77th Venice International Film Festival", "Venice Film Festival"),
        ("TIFF", "Toronto International Film Festival"),
        ("Busan IFF", "Busan International Film Festival"),
    ],
)
def test_festival_keys_fold(a: str, b: str) -> None:
    assert festival_key(a) == festival_key(b)


def test_festival_keys_apart() -> None:
    assert festival_key("Cannes Film Festival") != festival_key("Berlin International Film Festival")
    assert festival_key("Directors' Fortnight") != festival_key("Cannes Film Festival")


@pytest.mark.parametrize(("a", "b"), [("U.S.", "United States"), ("USA", "US"), ("UK", "United Kingdom")])
def test_place_keys_fold(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


def test_canonical_names() -> None:
    assert canonical_name("festival", "Berlinale") == "Berlin International Film Festival"
    assert canonical_name("place", "U.S.") == "United States"
    assert canonical_name("film", " “Dear Comrades!” (2020)") == "Dear Comrades!"
    assert canonical_name("company", "TF1 Intl.") == "TF1 Intl."
    assert base_key("Don’t") == base_key("Dont")
