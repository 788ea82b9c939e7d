#!/usr/bin/env python3
"""The Scrapy peer of the benchmark: crawls the given portals the way
portal-audit does (robots.txt obeyed, every same-host link followed, every
HTML page parsed) and prints one JSON line with pages, bytes and seconds.

DOWNLOAD_DELAY (--delay-ms) spaces the requests to one domain, whatever the
number of connections: it is not a rest after each answer.

usage: scrapy_crawl.py --per-host N --delay-ms MS --concurrency N [--skip EXT,EXT…] (URL… | --urls-file FILE)
"""
import os.path
import argparse
import json
import sys
import time
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, start_urls, skip, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = start_urls
        self.skip = skip
        self.allowed = {urlsplit(url).netloc for url in start_urls}
        self.pages = 0
        self.bytes = 0

    def parse(self, response):
        self.pages += 1
        self.bytes += len(response.body)
        if not isinstance(response, scrapy.http.HtmlResponse):
            return
        response.css("title::text").get()
        for href in response.css("a::attr(href), link[rel=next]::attr(href)").getall():
            url = response.urljoin(href)
            parts = urlsplit(url)
            extension = os.path.splitext(parts.path)[1][1:].lower()
            if parts.netloc in self.allowed and extension not in self.skip:
                yield scrapy.Request(url, callback=self.parse)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-host", type=int, required=True)
    parser.add_argument("--delay-ms", type=int, required=True)
    parser.add_argument("--concurrency", type=int, required=True)
    parser.add_argument("--skip", default="", help="link extensions not downloaded (portal-audit's)")
    parser.add_argument("--urls-file")
    parser.add_argument("urls", nargs="*")
    args = parser.parse_args()
    urls = args.urls + (open(args.urls_file, encoding="utf-8").read().split() if args.urls_file else [])
    process = CrawlerProcess(settings={
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": args.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": args.per_host,
        "DOWNLOAD_DELAY": args.delay_ms / 1000,
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "DEPTH_LIMIT": 0,
        "LOG_LEVEL": "ERROR",
        "TELNETCONSOLE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "RETRY_ENABLED": False,
        "REACTOR_THREADPOOL_MAXSIZE": 4,
        "DOWNLOAD_MAXSIZE": 10_000_000,
    })
    crawler = process.create_crawler(PortalSpider)
    started = time.monotonic()
    process.crawl(crawler, start_urls=urls, skip=set(filter(None, args.skip.split(","))))
    process.start()
    spider = crawler.spider
    json.dump({"pages": spider.pages, "bytes": spider.bytes, "seconds": time.monotonic() - started}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
