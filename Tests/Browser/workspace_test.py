#!/usr/bin/env python3
"""Browser test of the appraisers' workspace (`portal-audit web`), headless Chromium via Selenium.

Prepares a history the way the nightly job makes one (two nights of `portal-audit audit`
over copies of two bundled snapshot portals, served on loopback by `portal-audit serve`;
every page of the copies carries a script that must never run in the replay), adds an
account with `portal-audit user add`, serves the workspace, and then, as a person would:
logs in, opens a night, opens an agency, replays a piece of evidence (its archived
stylesheet applied, its script not run), dismisses a flag with a reason, finds the
decision in `portal-audit flags`, stays signed in across a restart of the workspace,
and, as an administrator, adds an account that then finds the accounts page closed to it.

Usage: workspace_test.py --binary .build/debug/portal-audit
Prints "N passed, M failed" and exits non-zero on any failure.
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AGENCIES = ["so-noi-vu", "ban-dan-toc"]
HOSTILE = "<script>document.title='PWNED';document.documentElement.setAttribute('data-pwned','1')</script>"
PASSWORD = "mat-khau-trinh-duyet"
ADMIN_PASSWORD = "mat-khau-quan-tri"
VIEWER_PASSWORD = "mat-khau-nguoi-xem"
# The snapshots' stylesheet (html/themes/sonla-theme/css/main.css) sets these; a browser's defaults differ.
ARCHIVED_BODY_FONT_SIZE = "13px"
ARCHIVED_LINK_COLOR = "rgba(11, 79, 156, 1)"
REASON = "Cơ quan đã chứng minh bằng văn bản khác"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_line(process, needle, seconds=60):
    """Reads the process's stdout until a line contains `needle`; returns that line."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(f"process ended before printing {needle!r}")
        if needle in line:
            return line
    raise RuntimeError(f"no {needle!r} within {seconds} s")


def prepare_history(binary, folder):
    """Two nights of the real audit over copies of two snapshots; returns (db, runs)."""
    port = free_port()
    sites = os.path.join(folder, "snapshots")
    for agency in AGENCIES:
        shutil.copytree(os.path.join(ROOT, "snapshots", agency), os.path.join(sites, agency))
    for directory, _, files in os.walk(sites):
        for name in files:
            path = os.path.join(directory, name)
            with open(path, "rb") as handle:
                data = handle.read()
            changed = data.replace(b":8043", f":{port}".encode())
            if b"</body>" in changed:
                changed = changed.replace(b"</body>", HOSTILE.encode() + b"</body>", 1)
            if changed != data:
                with open(path, "wb") as handle:
                    handle.write(changed)
    with open(os.path.join(ROOT, "snapshots", "targets.yaml"), encoding="utf-8") as handle:
        targets = handle.read().replace(":8043", f":{port}")
    targets_file = os.path.join(sites, "targets.yaml")
    with open(targets_file, "w", encoding="utf-8") as handle:
        handle.write(targets)
    db, runs = os.path.join(folder, "runs", "portal-audit.sqlite"), os.path.join(folder, "runs")
    server = subprocess.Popen([binary, "serve", sites, "--targets", targets_file], stdout=subprocess.PIPE, text=True)
    try:
        wait_for_line(server, "serving")
        only = [argument for agency in AGENCIES for argument in ("--only", agency)]
        for _ in range(2):
            night = subprocess.run([binary, "audit", "--targets", targets_file, "--year", "2020", "--delay-ms", "0",
                                    "--reported", os.path.join(ROOT, "reported/2020/bao-cao-2020.csv"),
                                    "--db", db, "--runs", runs, *only], cwd=ROOT, capture_output=True, text=True)
            if night.returncode not in (0, 1):
                raise RuntimeError(f"audit failed ({night.returncode}): {night.stderr}")
    finally:
        server.terminate()
        server.wait()
    return db, runs


class Checks:
    def __init__(self):
        self.passed, self.failed = 0, 0

    def check(self, condition, what):
        if condition:
            self.passed += 1
            print(f"ok   {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}")


def shoot(driver, name):
    """Screenshots for a person to look at, when SCREENSHOTS names a folder."""
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        driver.set_window_size(1280, 1400)
        driver.save_screenshot(os.path.join(folder, f"{name}.png"))


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def log_in(driver, wait, address, name, password):
    driver.get(address + "/login")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
    wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "a[href^='/nights/']")))


def log_out(driver, wait, address):
    driver.get(address + "/")
    button = driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button")
    button.click()
    wait.until(expected_conditions.staleness_of(button))
    wait.until(expected_conditions.presence_of_element_located((By.NAME, "password")))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    binary = os.path.abspath(parser.parse_args().binary)
    checks = Checks()
    folder = tempfile.mkdtemp(prefix="portal-audit-browser-")
    web = driver = None
    try:
        db, runs = prepare_history(binary, folder)
        subprocess.run([binary, "user", "add", "tham-dinh", "--role", "appraiser", "--password-stdin", "--db", db],
                       input=PASSWORD + "\n", text=True, check=True, capture_output=True)
        web = subprocess.Popen([binary, "web", "--db", db, "--runs", runs, "--listen", f"127.0.0.1:{free_port()}"],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True)
        address = wait_for_line(web, "http://").strip().split()[-1].rstrip("/")
        driver = browser()
        wait = WebDriverWait(driver, 20)

        driver.get(address + "/")
        checks.check(driver.current_url.endswith("/login"), "without a session the workspace sends to the login form")
        log_in(driver, wait, address, "tham-dinh", PASSWORD)
        checks.check("Các đêm kiểm tra" in driver.page_source, "logged in: the overview lists the nights")

        driver.find_elements(By.CSS_SELECTOR, "a[href^='/nights/']")[0].click()
        wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "h1")))
        checks.check(driver.find_element(By.TAG_NAME, "h1").text.startswith("Đêm kiểm tra"), "a night opens")
        checks.check("Bảng 1" in driver.page_source or "Bảng 2" in driver.page_source, "the night shows Bảng 1/Bảng 2")

        driver.find_element(By.CSS_SELECTOR, "a[href^='/agencies/so-noi-vu']").click()
        wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "h1")))
        checks.check(driver.find_element(By.TAG_NAME, "h1").text == "Sở Nội vụ", "an agency opens")
        evidence = driver.find_elements(By.CSS_SELECTOR, "a[href^='/evidence/']")
        checks.check(len(evidence) > 0, "the agency's findings link to their evidence")

        shoot(driver, "agency")
        evidence[0].click()
        wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "body")))
        checks.check("Bản lưu ngày" in driver.find_element(By.TAG_NAME, "body").text, "the archived page shows its banner")
        checks.check("document.title='PWNED'" in driver.page_source, "the archived page carries the portal's script")
        checks.check(driver.title != "PWNED" and driver.find_element(By.TAG_NAME, "html").get_attribute("data-pwned") is None,
                     "the archived page's script did not run")
        checks.check(driver.find_element(By.TAG_NAME, "body").value_of_css_property("font-size") == ARCHIVED_BODY_FONT_SIZE
                     and driver.find_element(By.CSS_SELECTOR, "a[href*='%2Fweb%2Fguest']").value_of_css_property("color") == ARCHIVED_LINK_COLOR,
                     "the archived page's stylesheet, replayed from the night's WARC, is applied")
        links = [link.get_attribute("href") for link in driver.find_elements(By.CSS_SELECTOR, "a[href]")]
        checks.check(bool(links) and all("/evidence/" in link or link.endswith("#") or "#" in link for link in links),
                     "the archived page's links stay inside the archive")

        shoot(driver, "evidence")
        driver.get(address + "/flags")
        rows = driver.find_elements(By.CSS_SELECTOR, "tr[data-fingerprint]")
        checks.check(len(rows) > 0, "the flags queue lists open flags")
        fingerprint = rows[0].get_attribute("data-fingerprint")
        driver.get(f"{address}/flags/{fingerprint}")
        driver.find_element(By.CSS_SELECTOR, "input[name='decision'][value='dismiss']").click()
        driver.find_element(By.NAME, "reason").send_keys(REASON)
        button = driver.find_element(By.CSS_SELECTOR, "form[action$='/decision'] button")
        button.click()
        # The answer redirects back to the same address: wait for the old page to go, not for the URL.
        wait.until(expected_conditions.staleness_of(button))
        wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "body")))
        checks.check(REASON in driver.page_source, "the dismissal is shown on the flag")
        shoot(driver, "flag")
        driver.get(address + "/flags")
        checks.check(not driver.find_elements(By.CSS_SELECTOR, f"tr[data-fingerprint='{fingerprint}']"),
                     "the dismissed flag left the queue")

        listing = subprocess.run([binary, "flags", "--db", db], capture_output=True, text=True, check=True).stdout
        checks.check(f"Bỏ qua — {REASON} (tham-dinh," in listing, "`portal-audit flags` shows the decision")

        # A restart of the workspace keeps people signed in: sessions live in the history database.
        web.terminate()
        web.wait()
        web = subprocess.Popen([binary, "web", "--db", db, "--runs", runs, "--listen", address.split("//")[1]],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True)
        wait_for_line(web, "http://")
        driver.get(address + "/")
        checks.check(not driver.current_url.endswith("/login") and "Các đêm kiểm tra" in driver.page_source,
                     "after a restart of the workspace the appraiser is still signed in")
        checks.check(not driver.find_elements(By.CSS_SELECTOR, "a[href='/users']"), "an appraiser has no accounts page in the menu")
        driver.get(address + "/users")
        checks.check("Không được phép" in driver.page_source, "an appraiser is refused the accounts page")
        log_out(driver, wait, address)
        checks.check(driver.current_url.endswith("/login"), "logging out returns to the login form")
        driver.get(address + "/")
        checks.check(driver.current_url.endswith("/login"), "after logging out the workspace asks to log in again")

        subprocess.run([binary, "user", "add", "quan-tri", "--role", "admin", "--password-stdin", "--db", db],
                       input=ADMIN_PASSWORD + "\n", text=True, check=True, capture_output=True)
        log_in(driver, wait, address, "quan-tri", ADMIN_PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "a[href='/users']").click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "tr[data-account]")))
        checks.check({row.get_attribute("data-account") for row in driver.find_elements(By.CSS_SELECTOR, "tr[data-account]")}
                     == {"tham-dinh", "quan-tri"}, "the administrator sees the accounts")
        add = driver.find_element(By.CSS_SELECTOR, "form input[name='action'][value='add']").find_element(By.XPATH, "./..")
        add.find_element(By.NAME, "name").send_keys("nguoi-xem")
        add.find_element(By.CSS_SELECTOR, "select[name='role'] option[value='viewer']").click()
        add.find_element(By.NAME, "password").send_keys(VIEWER_PASSWORD)
        button = add.find_element(By.TAG_NAME, "button")
        button.click()
        wait.until(expected_conditions.staleness_of(button))
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "tr[data-account='nguoi-xem']")))
        checks.check("Thêm (chỉ xem)" in driver.page_source and "quan-tri" in driver.find_element(By.TAG_NAME, "main").text,
                     "the new account is listed and the change is logged with who made it")
        shoot(driver, "users")
        log_out(driver, wait, address)
        log_in(driver, wait, address, "nguoi-xem", VIEWER_PASSWORD)
        checks.check("Các đêm kiểm tra" in driver.page_source, "the account the administrator added logs in")
        driver.get(address + "/users")
        checks.check("Không được phép" in driver.page_source, "a viewer is refused the accounts page")
        driver.get(f"{address}/flags/{fingerprint}")
        checks.check(not driver.find_elements(By.CSS_SELECTOR, "form[action$='/decision']"), "a viewer gets no decision form")
        users = subprocess.run([binary, "user", "list", "--db", db], capture_output=True, text=True, check=True).stdout
        checks.check("nguoi-xem" in users, "`portal-audit user list` shows the account added on the web")
    except Exception as error:  # a broken step is a failure, reported like the others
        checks.check(False, f"the scenario ran to its end ({error!r})")
    finally:
        if driver:
            driver.quit()
        if web:
            web.terminate()
            web.wait()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
