#!/usr/bin/env python3
"""Check the committed snapshots/ against the generator's ground truth.

Usage: python3 tools/snapshots/check.py [SNAPSHOTS_DIR]

- every link of every page resolves (as the static server answers it) to a file,
  or is intentionally external / javascript: / mailto:;
- every expected.yaml names every Decree 43 item applicable to the tier, with a valid state;
- the figures in expected.yaml equal a fresh crawl of the files on disk measured
  with the generator's own facts (articles, documents, procedures, items);
- the windows-1258 site round-trips to the same text, the NFD and entity sites are what they claim;
- the total size stays modest.
Exits 1 and lists the problems when anything is off.
"""
import html
import os
import re
import sys
import unicodedata
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate as G  # noqa: E402
from site_model import crawl_site, decode, links_of, measure, parse_headers, resolve, to_cp1258  # noqa: E402

EXTERNAL_OK = ("sonla.gov.vn", "dichvucong.gov.vn", "chinhphu.vn", "baosonla.org.vn", "dichvucong.sonla.gov.vn",
               "www.liferay.com")
STATES = {"present", "absent", "inconclusive"}
MAX_BYTES = 25 * 1024 * 1024


def read_tree(base):
    files = {}
    for root, _, names in os.walk(base):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as fh:
                files[os.path.relpath(path, base).replace(os.sep, "/")] = fh.read()
    return files


def read_headers(files):
    data = files.get("_headers.tsv", b"").decode("utf-8")
    out = []
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("\t", 1)
            out.append((key, value))
    return out


def parse_expected(path):
    """The small YAML subset expected.yaml uses: `key: value`, `key: {a: 1, b: 2}`, one nested map."""
    out, current = {}, None
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            m = re.match(r"^(\s*)([\w.\-]+):\s*(.*)$", line.rstrip("\n"))
            if not m:
                raise ValueError(f"{path}:{number}: cannot read `{line.strip()}`")
            indent, key, value = m.groups()
            if indent:
                out[current][key] = value
            elif value == "":
                current = key
                out[key] = {}
            elif value.startswith("{"):
                out[key] = {k.strip(): v.strip() for k, v in (p.split(":") for p in value.strip("{}").split(","))}
            else:
                out[key] = value
    return out


def check_links(ag, files, headers, host, problems, label, service_files=None):
    dirs = {"/".join(k.split("?")[0].split("/")[:i]) for k in files for i in range(1, k.count("/") + 1)}
    overrides = parse_headers(headers)
    origin = f"http://{host}:{G.PORT}"
    for key, data in files.items():
        if key == "_headers.tsv" or key.split("?")[0].endswith((".pdf", ".doc", ".txt", ".xml", ".rss")):
            continue
        base = f"{origin}/{key}" if not key.endswith("index.html") else f"{origin}/{key[:-10]}"
        for href in links_of(data):
            if not href or href.startswith(("javascript:", "mailto:", "#")):
                continue
            target = urljoin(base, href)
            parts = urlsplit(target)
            netloc_host = parts.hostname or ""
            if f"{parts.scheme}://{parts.netloc}" != origin:
                if netloc_host == ag.services_host and service_files is not None:
                    answer = resolve(service_files, set(), {}, parts.path + (f"?{parts.query}" if parts.query else ""))
                    if answer[0] != "file":
                        problems.append(f"{ag.id}: {label}/{key} links the services host {target}: {answer}")
                elif not any(netloc_host == d or netloc_host.endswith("." + d) for d in EXTERNAL_OK):
                    problems.append(f"{ag.id}: {label}/{key} links an unexpected host {target}")
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            for _ in range(3):
                answer = resolve(files, dirs, overrides, local)
                if answer[0] != "redirect":
                    break
                local = urlsplit(urljoin(origin + local, answer[1]))._replace(scheme="", netloc="").geturl()
            if answer[0] != "file":
                problems.append(f"{ag.id}: {label}/{key} has a dead link {href} -> {answer}")


def check_text(ag, files, problems):
    for key, data in files.items():
        if key == "_headers.tsv" or key.split("?")[0].endswith((".pdf", ".doc", ".txt", ".xml", ".rss", ".css")):
            continue
        enc = ag.option("encoding")
        if enc == "cp1258-meta":
            text = data.decode("cp1258")
            if to_cp1258(unicodedata.normalize("NFC", text)) != data or "&#" in text:
                problems.append(f"{ag.id}: {key} does not round-trip through windows-1258")
            if "charset=windows-1258" not in text:
                problems.append(f"{ag.id}: {key} lacks the windows-1258 <meta>")
            continue
        text = data.decode("utf-8")
        if ag.option("nfd") and unicodedata.normalize("NFD", text) != text:
            problems.append(f"{ag.id}: {key} is not NFD")
        if ag.option("entities") and any(ord(c) > 127 for c in text):
            problems.append(f"{ag.id}: {key} has raw non-ASCII text")
        if enc == "header-only" and "charset" in text.lower():
            problems.append(f"{ag.id}: {key} declares a charset in the page")


# Words that would hint at an item: an item the site lacks must not appear in any link or heading.
ITEM_WORDS = {
    "gioi-thieu.co-cau-to-chuc": ["co cau to chuc", "to chuc bo may", "so do to chuc"],
    "gioi-thieu.chuc-nang-nhiem-vu": ["chuc nang"], "gioi-thieu.lich-su": ["lich su", "qua trinh hinh thanh"],
    "gioi-thieu.lanh-dao": ["lanh dao"], "gioi-thieu.lien-he": ["lien he"],
    "gioi-thieu.dia-phuong": ["dieu kien tu nhien", "gioi thieu chung ve", "tong quan"],
    "chi-dao-dieu-hanh": ["chi dao"], "chi-dao-dieu-hanh.khen-thuong-xu-phat": ["khen thuong", "xu phat"],
    "chi-dao-dieu-hanh.lich-cong-tac": ["lich cong tac", "lich lam viec"],
    "tuyen-truyen-phap-luat": ["tuyen truyen", "pho bien"], "chien-luoc-quy-hoach": ["chien luoc", "quy hoach"],
    "van-ban": ["van ban"], "du-an-dau-thau": ["dau thau", "mua sam"], "thu-tuc-hanh-chinh": ["thu tuc", "dich vu cong"],
    "danh-ba": ["danh ba"], "gop-y": ["gop y", "du thao"], "hoi-dap": ["hoi dap", "hoi - dap"],
    "khoa-hoc": ["khoa hoc"], "thong-ke": ["thong ke"], "tieng-nuoc-ngoai": ["english", "tieng anh"],
    "chuc-nang.so-do-cong": ["so do cong", "so do trang", "sitemap", "site map"],
    "chuc-nang.lien-ket": ["lien ket"], "chuc-nang.rss": ["rss"],
}
LABEL = re.compile(r"<(a|h[1-4])\b[^>]*>(.*?)</\1>", re.S | re.I)


def fold(text):
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.lower())


def check_absent_words(ag, files, reached, expected, problems):
    """An absent item leaves no trace in the labels of reachable pages (the 'Văn bản mới' ticker excepted)."""
    absent = [i for i, state in expected["sections"].items() if state == "absent"]
    if ag.option("docs") == "ticker":
        absent = [i for i in absent if i != "van-ban"]
    for key in reached:
        if key.split("?")[0].endswith((".pdf", ".doc", ".txt", ".xml", ".rss", ".css")):
            continue
        labels = [fold(m[1]) for m in LABEL.findall(decode(files[key]))]
        for item in absent:
            for word in ITEM_WORDS.get(item, []):
                hits = [label for label in labels if word in label]
                if hits:
                    problems.append(f"{ag.id}: absent item {item} hinted by '{hits[0].strip()}' on {key}")


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(G.REPO, "snapshots")
    problems, total = [], 0
    built = G.build_all()
    targets = open(os.path.join(root, "targets.yaml"), encoding="utf-8").read()
    for ag, site, _ in built:
        folder = os.path.join(root, ag.id)
        if f"id: {ag.id}\n" not in targets or f"portal: http://{ag.host}:{G.PORT}/" not in targets:
            problems.append(f"targets.yaml lacks {ag.id}")
        expected = parse_expected(os.path.join(folder, "expected.yaml"))
        for field in ["id", "platform", "year", "status", "sections", "news", "documents", "services", "notes"]:
            if field not in expected:
                problems.append(f"{ag.id}: expected.yaml lacks {field}")
        items = G.applicable_items(ag.tier)
        if set(expected["sections"]) != set(items):
            problems.append(f"{ag.id}: sections differ from the items of tier {ag.tier}")
        for item, state in expected["sections"].items():
            if state not in STATES or (state == "inconclusive") != (ag.status != "ok"):
                problems.append(f"{ag.id}: {item}: bad state {state}")
        site_dir = os.path.join(folder, "site")
        if site is None:
            if os.path.exists(site_dir):
                problems.append(f"{ag.id}: unreachable agency has files")
            continue
        files = read_tree(site_dir)
        total += sum(len(v) for v in files.values())
        headers = read_headers(files)
        services_dir = os.path.join(folder, "services")
        service_files = read_tree(services_dir) if os.path.isdir(services_dir) else {}
        total += sum(len(v) for v in service_files.values())
        if files.keys() != site.files.keys() or service_files.keys() != site.service_files.keys():
            problems.append(f"{ag.id}: files on disk differ from the generator's (run generate.py)")
            continue
        if ag.status != "ok":
            continue
        check_links(ag, files, headers, ag.host, problems, "site", service_files)
        check_links(ag, service_files, [], ag.services_host, problems, "services")
        check_text(ag, files, problems)
        reach = crawl_site(files, headers, ag.host, G.PORT)
        site.files, site.service_files = files, service_files
        m = measure(site, reach, G.YEAR)
        check_absent_words(ag, files, reach.keys, expected, problems)
        for item in items:
            want = "present" if item in m["present"] else "absent"
            if expected["sections"][item] != want:
                problems.append(f"{ag.id}: {item} is {want} on disk, expected.yaml says {expected['sections'][item]}")
        got = {"news": {"count": str(m["news"]["count"]), "undated": str(m["news"]["undated"]),
                        "partial": str(m["news"]["partial"]).lower()},
               "documents": {"count": str(m["documents"]),
                             "own": "null" if m["documents_own"] is None else str(m["documents_own"])},
               "services": {k: str(v) for k, v in m["services"].items()}}
        for field, values in got.items():
            if expected[field] != values:
                problems.append(f"{ag.id}: {field} measured {values}, expected.yaml says {expected[field]}")
    if total > MAX_BYTES:
        problems.append(f"snapshots weigh {total} bytes, more than {MAX_BYTES}")
    for p in problems:
        print(p)
    print(f"{len(built)} agencies, {total / 1e6:.1f} MB, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
