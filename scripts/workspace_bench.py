#!/usr/bin/env python3
"""How fast the workspace's pages render on a large history: 100 nights of 32 agencies
(25 items each) and 10,000 flags (2,000 of them decided), written straight into a history
database that `portal-audit user add` created and migrated.

Usage: workspace_bench.py --binary .build/release/portal-audit [--nights 100] [--flags 10000]
Prints the median and 95th-percentile time of each page over 30 requests.
"""
import argparse
import http.cookiejar
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

ITEMS = ["gioi-thieu.co-cau-to-chuc", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.lich-su", "gioi-thieu.lanh-dao",
         "gioi-thieu.lien-he", "tin-tuc", "chi-dao-dieu-hanh", "chi-dao-dieu-hanh.lich-cong-tac", "tuyen-truyen-phap-luat",
         "chien-luoc-quy-hoach", "van-ban", "du-an-dau-thau", "thu-tuc-hanh-chinh", "danh-ba", "gop-y", "hoi-dap", "khoa-hoc",
         "thong-ke", "tieng-nuoc-ngoai", "chuc-nang.tim-kiem", "chuc-nang.so-do-cong", "chuc-nang.lien-ket", "chuc-nang.rss",
         "chi-dao-dieu-hanh.khen-thuong-xu-phat", "gioi-thieu.dia-phuong"]


def fill(path, nights, flags):
    random.seed(7)
    db = sqlite3.connect(path)
    agencies = [f"co-quan-{n:02d}" for n in range(32)]
    runs = []
    for night in range(nights):
        run = time.strftime("%Y%m%d-020000", time.gmtime(1_600_000_000 + night * 86_400))
        started = time.strftime("%Y-%m-%d 02:00:00.000", time.gmtime(1_600_000_000 + night * 86_400))
        runs.append(run)
        db.execute("INSERT INTO runs (id, started_at, finished_at, year, rules, state) VALUES (?, ?, ?, 2020, 'nd-43-2011', 'done')",
                   (run, started, started))
        for index, agency in enumerate(agencies):
            db.execute("INSERT INTO agencies (run, id, name, tier, status, pages_fetched) VALUES (?, ?, ?, ?, 'ok', 400)",
                       (run, agency, f"Cơ quan số {index} <b>{index}</b>", "province" if index < 20 else "district"))
            db.executemany("INSERT INTO findings (run, agency, item, state, url, evidence) VALUES (?, ?, ?, ?, ?, ?)",
                           [(run, agency, item, random.choice(["present", "present", "absent", "inconclusive"]),
                             f"http://{agency}.example/{item}", "512 ký tự nội dung") for item in ITEMS])
            db.executemany("INSERT INTO measurements (run, agency, key, source, value) VALUES (?, ?, ?, ?, ?)",
                           [(run, agency, key, source, random.randint(0, 300)) for key in ("news", "documents", "level3", "level4")
                            for source in ("measured", "reported")])
            db.execute("INSERT INTO scores (run, agency, total) VALUES (?, ?, ?)", (run, agency, random.uniform(40, 95)))
    for number in range(flags):
        agency = random.choice(agencies)
        first = random.choice(runs)
        db.execute("""INSERT INTO flags (fingerprint, agency, kind, subject, message, first_run, last_run, state)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                   (f"{number:016x}", agency, random.choice(["missing", "discrepancy"]), f"muc-{number}",
                    f"Thiếu mục số {number}", first, runs[-1], "open" if number % 3 else "closed"))
        if number % 5 == 0:
            db.execute("""INSERT INTO flag_decisions (fingerprint, agency, decision, reason, user, decided_at)
                          VALUES (?, ?, ?, 'đã xem', 'bench', '2026-12-01 08:00:00.000')""",
                       (f"{number:016x}", agency, random.choice(["accept", "dismiss"])))
    db.commit()
    db.close()
    return runs, agencies


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--nights", type=int, default=100)
    parser.add_argument("--flags", type=int, default=10_000)
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="portal-audit-web-bench-")
    path = os.path.join(folder, "portal-audit.sqlite")
    subprocess.run([arguments.binary, "user", "add", "bench", "--role", "appraiser", "--password-stdin", "--db", path],
                   input="mat-khau-bench\n", text=True, check=True, capture_output=True)
    runs, agencies = fill(path, arguments.nights, arguments.flags)
    port = free_port()
    server = subprocess.Popen([arguments.binary, "web", "--db", path, "--runs", folder, "--listen", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, text=True)
    try:
        while "http://" not in server.stdout.readline():
            pass
        base = f"http://127.0.0.1:{port}"
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        form = opener.open(base + "/login").read().decode()
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', form).group(1)
        opener.open(base + "/login", urllib.parse.urlencode({"name": "bench", "password": "mat-khau-bench", "csrf": csrf}).encode())
        pages = ["/", f"/nights/{runs[-1]}", f"/agencies/{agencies[3]}", "/flags", "/flags?state=all", f"/flags?agency={agencies[5]}",
                 "/flags/0000000000000001"]
        print(f"{arguments.nights} nights × {len(agencies)} agencies, {arguments.flags} flags")
        for page in pages:
            times, size = [], 0
            for _ in range(30):
                start = time.perf_counter()
                size = len(opener.open(base + page).read())
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            print(f"{page:40s} median {statistics.median(times):7.1f} ms   p95 {times[int(len(times) * 0.95) - 1]:7.1f} ms   {size:>9,d} bytes")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
