// Article and comments -> Xapian documents, through the French analyser and the schema.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.hpp"
#include "documents/document.hpp"
#include "entities/entity_matcher.hpp"

namespace veille::indexing {

// A Xapian document ready to store, with the id it is stored under.
struct BuiltDocument {
    std::string id;
    Xapian::Document document;
};

class DocumentBuilder {
public:
    // Without a matcher, no entity is recorded.
    explicit DocumentBuilder(const analysis::FrenchAnalyzer& analyzer,
                             const entities::EntityMatcher* matcher = nullptr)
        : analyzer_(analyzer), matcher_(matcher) {}

    // The article first (none for a stand-in: Article::stands_in_for), then each comment in
    // thread order. `article_id` is unique in the
    // index; `path` is the file it came from; `file_key` groups every document of that file.
    std::vector<BuiltDocument> build(const documents::Article& article, const std::string& article_id,
                                     const std::string& path, const std::string& file_key) const;

    // Title words count this many times a body word (BM25 sees them as more frequent).
    static constexpr Xapian::termcount kTitleWeight = 3;

private:
    // Adds the terms of analysed text; returns the last position used, so the next field
    // starts after it.
    Xapian::termpos index_tokens(Xapian::Document& doc, const std::vector<analysis::Token>& tokens,
                                 Xapian::termcount wdf, bool is_title) const;

    const analysis::FrenchAnalyzer& analyzer_;
    const entities::EntityMatcher* matcher_;
};

}  // namespace veille::indexing
