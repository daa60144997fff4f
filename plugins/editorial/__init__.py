"""Editor-facing checks: one validation layer for every build and ``make check``.

Plugins report problems (``editorial.problems.report``) while they read and
enrich content; once every generator has read its content
(``all_generators_finalized``) this plugin runs its own checks on every
release and page, prints every problem once, in Indonesian, and when any is
an error stops the build before a single file is written.

List it before the plugins that report problems in ``PLUGINS``.
"""

import logging
import os
import sys

from pelican import signals
from pelican.utils import wait_for_changes

from . import (
    image_checks,
    metadata_urls,
    output_paths,
    path_checks,
    pelican_log,
    reader_cache,
    release_checks,
    slug_length,
    url_checks,
)
from .collect import all_articles, all_pages, generators_of
from .problems import ERROR, BuildFailed, BuildStopped, CheckPassed, problems_in, report
from .settings import apply_defaults
from .source import forget_files
from .unreadable import diagnose, failed_sources, forget_failures, remember_failure

logger = logging.getLogger(__name__)


class ExplainedByEditorial(logging.Filter):
    def filter(self, record):
        if record.msg == pelican_log.COULD_NOT_PROCESS and record.args:
            # Logged inside Pelican's ``except`` block: the reason is current.
            remember_failure(str(record.args[0]), sys.exc_info()[1])
        return record.msg not in pelican_log.EXPLAINED


def on_initialized(pelican):
    apply_defaults(pelican.settings)
    forget_files()
    forget_failures()
    reader_cache.discard_broken(pelican.settings)
    for name in (
        "pelican.generators",
        "pelican.contents",
        "pelican.urlwrappers",
        "pelican.readers",
    ):
        target = logging.getLogger(name)
        if not any(isinstance(f, ExplainedByEditorial) for f in target.filters):
            target.addFilter(ExplainedByEditorial())


def run_checks(generators):
    """Every editorial check over everything the readers produced."""
    articles_generator, pages_generator = generators_of(generators)
    context = generators[0].context
    settings = generators[0].settings
    articles = all_articles(articles_generator)
    pages = all_pages(pages_generator)
    limit = int(settings["EDITORIAL_SUMMARY_MAX_CHARS"])

    for relative in failed_sources(context):
        needs_date = any(
            relative.startswith(folder.rstrip("/") + "/") or relative == folder
            for folder in settings["ARTICLE_PATHS"]
        )
        for found in diagnose(settings["PATH"], relative, needs_date):
            report(context, found)
    release_ids = {id(article) for article in articles}
    reserved = output_paths.reserved_paths(settings, context)
    page_templates = tuple(settings["EDITORIAL_PAGE_TEMPLATES"])
    for content in [*articles, *pages]:
        checks = [
            release_checks.check_title(content),
            release_checks.check_body(content),
            image_checks.check_featured_image(content),
            image_checks.check_body_images(content),
            path_checks.check_links(content),
            path_checks.check_featured_image(content),
        ]
        checks.append(release_checks.check_slug(content))
        checks.append(release_checks.check_repeated_fields(content))
        checks.append(release_checks.check_header_shape(content))
        checks.append(slug_length.check_slug_length(content))
        checks.append(metadata_urls.check_source(content))
        checks.append(output_paths.check_language(content))
        if id(content) in release_ids:
            checks.append(release_checks.check_summary(content, limit))
            checks.append(release_checks.check_terms(content))
            checks.append(output_paths.check_release_fields(content))
            checks.append(release_checks.check_release_status(content))
        else:
            checks.append(output_paths.check_page_template(content, page_templates))
            checks.append(output_paths.check_page_address(content, reserved))
        for check in checks:
            for found in check:
                report(context, found)
    for article in articles:
        for found in release_checks.check_embargo(article):
            report(context, found)
    for found in url_checks.check_duplicate_urls([*articles, *pages]):
        report(context, found)
    generated = output_paths.generated_paths(settings)
    for found in path_checks.check_destinations([*articles, *pages], generated):
        report(context, found)
    for found in path_checks.check_static_destinations(
        context, [*articles, *pages], generated
    ):
        report(context, found)
    tree = path_checks.content_tree(context, settings)
    for found in path_checks.check_unread_markdown(tree, context, settings):
        report(context, found)
    for found in path_checks.check_other_formats(tree, settings):
        report(context, found)


def refuse_symlinks(generator):
    """Before any generator walks PATH (Pelican's walk follows symlinks, out
    of content/ and round loops): a symlink anywhere under it stops the build."""
    context, settings = generator.context, generator.settings
    if path_checks.TREE_KEY in context:
        return  # PATH was walked for this build already
    tree = path_checks.content_tree(context, settings)
    symlinks = list(path_checks.check_symlinks(tree, settings["PATH"]))
    for found in symlinks:
        report(context, found)
    if symlinks:
        stop_on_errors(context, settings)


def prepare_for_writing(generators):
    """What metadata may change about the output, decided in one place."""
    articles_generator, pages_generator = generators_of(generators)
    contents = [*all_articles(articles_generator), *all_pages(pages_generator)]
    output_paths.keep_drafts_unwritten(contents)
    metadata_urls.link_sources(contents)


def report_and_stop(generators):
    if not generators:
        return
    reader_cache.remember_good(generators[0].settings)
    prepare_for_writing(generators)
    run_checks(generators)
    stop_on_errors(generators[0].context, generators[0].settings)
    if generators[0].settings.get("EDITORIAL_CHECK_ONLY"):
        problems = problems_in(generators[0].context)
        logger.warning(
            "Pemeriksaan selesai: tidak ada galat, %d peringatan.", len(problems)
        )
        raise CheckPassed(problems)


def stop_on_errors(context, settings):
    """Print every problem once; stop the build when one is an error."""
    root = os.getcwd()  # paths as the editor sees them from the repository
    problems = sorted(problems_in(context), key=lambda p: p.sort_key)
    errors = [p for p in problems if p.severity == ERROR]
    for problem in problems:
        if problem.severity != ERROR:
            logger.warning("%s", problem.render(root))
    for problem in errors:
        logger.error("%s", problem.render(root))
    if errors:
        logger.error(
            "Situs tidak dibangun: %d galat harus diperbaiki lebih dulu.", len(errors)
        )
        if settings.get("EDITORIAL_KEEP_SERVING"):
            if settings.get("EDITORIAL_WAIT_FOR_FIX"):
                # Pelican's autoreload loop rebuilds at once after an error;
                # wait for the editor's next save instead of spinning.
                logger.warning("Menunggu perbaikan: simpan berkasnya lagi.")
                wait_for_changes("", settings)
            raise BuildFailed(errors)
        raise BuildStopped(errors, [p for p in problems if p.severity != ERROR])


def register():
    signals.initialized.connect(on_initialized)
    signals.generator_init.connect(refuse_symlinks)
    signals.content_object_init.connect(slug_length.cap_generated_slug)
    signals.all_generators_finalized.connect(report_and_stop)
