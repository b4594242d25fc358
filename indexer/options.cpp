#include "indexer/options.hpp"

#include "version.hpp"

namespace veille::indexer {

void bind_options(CLI::App& app, IndexCommandOptions& o) {
    app.description(
        "Index French articles and their comment threads (saved web pages, JSON Lines exports, "
        "plain text) into a Veille index. Re-running is incremental: unchanged files are skipped, changed ones replaced, "
        "deleted ones removed.");
    app.add_option("--db", o.db,
                   "Index folder (default: $VEILLE_DB, else $XDG_DATA_HOME/veille/index)");
    app.add_option("--max-file-size", o.max_file_mb, "Skip files larger than this many MB")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--commit-every", o.commit_every,
                   "Commit after this many documents (an interrupted run keeps what it committed)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--entities", o.entity_files,
                   "Your own gazetteer (TSV: name, type, forms), added to the built-in one; repeatable")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);  // one file per --entities: what follows is a folder to index
    app.set_version_flag("--version", veille::version_text("veille-index"));
    app.add_option("--threads", o.threads, "Threads reading and analysing files (default: one per core)")
        ->check(CLI::PositiveNumber);
    app.add_option("--shards", o.shards,
                   "Write a new index as N databases (shards) listed by a stub file, one writer thread each; "
                   "an existing sharded index keeps its number")
        ->check(CLI::Range(1u, 1024u));
    app.add_option("--build-writers", o.build_writers,
                   "Writers of a new index (or --rebuild), each into a database of its own, merged into one at the end "
                   "(default: one per core); 1: one writer committing as it goes, so that the index can be searched "
                   "while it grows and a killed run resumes")
        ->check(CLI::Range(1u, 256u));
    app.add_flag("--rebuild", o.rebuild,
                 "Index the inputs into a new index that replaces the existing one once complete (the old one answers "
                 "queries meanwhile)");
    app.add_flag("--compact", o.compact,
                 "After the update, compact the index (smaller and faster to search; the next updates grow it again)");
    app.add_flag("-q,--quiet", o.quiet, "No progress line and no summary, only warnings");
    auto* inputs = app.add_option("inputs", o.inputs, "Folders or files to index (none with --compact: compact only)");
    // Without folders, --compact compacts the index as it is.
    app.callback([&o, inputs] {
        if (o.inputs.empty() && !o.compact) throw CLI::RequiredError(inputs->get_name());
    });
}

}  // namespace veille::indexer
