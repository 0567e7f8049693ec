"""Social handles and personal links in chat, in the five room languages."""

from __future__ import annotations

import pytest

from tests.support.pii import shown, unchanged


@pytest.mark.parametrize(
    ("language", "text", "secret"),
    [
        ("en", "add me on snap: xyz_22", "xyz_22"),
        ("en", "add me on snap: moonchild", "moonchild"),
        ("en", "my discord is user#1234", "user#1234"),
        ("en", "ig: jane.doe_", "jane.doe_"),
        ("en", "find me on tiktok @lilly.m", "lilly.m"),
        ("en", "telegram t.me/quietfox", "quietfox"),
        ("en", "my gamertag is DarkWolf99", "DarkWolf99"),
        ("en", "steam: sadpanda", "sadpanda"),
        ("en", "twitch.tv/sadpanda", "sadpanda"),
        ("en", "hmu on snap, it's moonchild", "moonchild"),
        ("en", "my snapchat is sunny_days", "sunny_days"),
        ("en", "my twitter handle is @x_x_x", "x_x_x"),
        ("en", "i'm quietfox22 on discord", "quietfox22"),
        ("en", "my tiktok is bookworm.jen", "bookworm.jen"),
        ("en", "add me on xbox: ShadowNinja", "ShadowNinja"),
        ("en", "my psn is ghost_rider77", "ghost_rider77"),
        ("en", "my roblox username is coolkid2010", "coolkid2010"),
        ("en", "dm me on insta sarah_k", "sarah_k"),
        ("en", "my ig is jess.creates", "jess.creates"),
        ("en", "my discord: moonlight", "moonlight"),
        ("en", "snap me at brokenwings", "brokenwings"),
        ("en", "my steam name is lonelywolf", "lonelywolf"),
        ("en", "insta - @cat.lady.88", "cat.lady.88"),
        ("en", "youtube.com/@sarahsings", "sarahsings"),
        ("en", "facebook.com/jane.doe.77", "jane.doe.77"),
        ("en", "my epic id is nightowl", "nightowl"),
        ("en", "look me up on instagram, its sunflower_grl", "sunflower_grl"),
        ("en", "my @ is rainy.days", "rainy.days"),
        ("es", "mi insta es lucia.fdez", "lucia.fdez"),
        ("es", "sígueme en instagram: maria.jose", "maria.jose"),
        ("es", "agrégame en discord, soyluna#4455", "soyluna#4455"),
        ("es", "mi usuario es luna_azul", "luna_azul"),
        ("es", "mi tiktok es pandita", "pandita"),
        ("pt", "me segue no insta: ana_bia", "ana_bia"),
        ("pt", "me adiciona no insta @bia.santos", "bia.santos"),
        ("pt", "meu insta é gabi.rocha", "gabi.rocha"),
        ("pt", "meu user no discord é lobinho", "lobinho"),
        ("fr", "mon insta c'est julie.mrt", "julie.mrt"),
        ("fr", "mon snap : lea_drw", "lea_drw"),
        ("fr", "mon pseudo c'est darkangel", "darkangel"),
        ("fr", "ajoute-moi sur snap: chaton", "chaton"),
        ("de", "mein insta ist lena_k", "lena_k"),
        ("de", "folge mir auf insta: tim.krause", "tim.krause"),
        ("de", "mein benutzername ist nachteule", "nachteule"),
        ("de", "mein discord ist wolke", "wolke"),
    ],
)
def test_handles(language: str, text: str, secret: str) -> None:
    out = shown(text, language)
    assert secret not in out, out


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I deleted my instagram"), ("en", "my insta is private"),
        ("en", "I'm on discord a lot"), ("en", "add me on discord if you want"),
        ("en", "find me on tiktok lol"), ("en", "my snap is broken"), ("en", "tag me"),
        ("en", "i'm on insta too"), ("en", "ig is toxic"), ("en", "my discord is down"),
        ("en", "my gamertag is embarrassing"), ("en", "my username is my name lol"),
        ("en", "twitch streams help me sleep"), ("en", "i'm new on discord"),
        ("en", "i'm active on instagram"), ("en", "my steam library is huge"),
        ("en", "add me on snap, i'll send it"), ("en", "my insta is a mess"),
        ("en", "snap me when you're home"), ("en", "i'm always on tiktok"),
        ("es", "mi insta es privado"), ("es", "sígueme en instagram si quieres"),
        ("es", "mi insta es una mierda"), ("es", "estoy en discord"),
        ("pt", "me segue no insta também"), ("pt", "meu insta é privado"),
        ("fr", "mon insta est privé"), ("fr", "mon snap c'est nul"),
        ("de", "mein insta ist privat"), ("de", "folge mir auf insta, wenn du willst"),
        ("de", "mein discord ist kaputt"),
    ],
)
def test_handle_lookalikes(language: str, text: str) -> None:
    assert unchanged(text, language), shown(text, language)
