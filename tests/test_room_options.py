"""Room server options: --bind/--port/--tls-* on the command line, TLS, and the import boundary."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import sys
from pathlib import Path
from unittest import mock

import aiohttp
import pytest

from dilemmaspel.cli import main
from dilemmaspel.room.server import Room
from dilemmaspel.store import Store
from tests.conftest import ROOT
from tests.roomhelpers import device_engine


def test_port_must_be_a_port(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--port", "70000"])
    assert exit_info.value.code == 2
    assert "70000" in capsys.readouterr().err


def test_tls_options_go_together(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--tls-cert", "cert.pem"]) == 2
    assert "--tls-key" in capsys.readouterr().err


def test_options_reach_the_app(tmp_path: Path) -> None:
    with mock.patch("dilemmaspel.tui.app.run_app", return_value=0) as run_app:
        assert main(["--data-dir", str(tmp_path), "--bind", "192.168.1.20", "--port", "8765"]) == 0
    options = run_app.call_args.kwargs["room"]
    assert (options.bind, options.port, options.tls_cert) == ("192.168.1.20", 8765, None)


def test_room_package_never_imports_the_tui() -> None:
    code = ("import sys\nimport dilemmaspel.room.server, dilemmaspel.room.network, dilemmaspel.room.qr, "
            "dilemmaspel.core.views\nprint('textual' in sys.modules, any(m.startswith('dilemmaspel.tui') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False False"


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is needed to make a test certificate")
async def test_tls_with_the_trainers_certificate(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    room = Room(device_engine(Store(tmp_path / "data")), host="127.0.0.1", port=0, ssl_context=context)
    await room.start()
    try:
        assert room.join_url.startswith("https://127.0.0.1:")
        trust = ssl.create_default_context(cafile=str(cert))
        trust.check_hostname = False
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            response = await http.get(room.join_url, ssl=trust)
            assert response.status == 200
            assert "Secure" in response.headers["Set-Cookie"]
    finally:
        await room.stop()


def test_lan_addresses_are_private_ipv4_without_loopback() -> None:
    import ipaddress

    from dilemmaspel.room.network import lan_addresses

    for found in lan_addresses():
        ip = ipaddress.IPv4Address(found.address)
        assert ip.is_private and not ip.is_loopback and not ip.is_link_local


def test_no_lan_address_tells_the_trainer_a_way_on() -> None:
    from dilemmaspel.i18n import t
    from dilemmaspel.room.network import lan_addresses

    with mock.patch("ifaddr.get_adapters", side_effect=OSError("no netlink")):
        assert lan_addresses() == []
    assert "hotspot" in t("room.error.no_lan") and "laptop" in t("room.error.no_lan")
