#include "search/query_builder.hpp"

#include <optional>

#include "schema/schema.hpp"
#include "search/date_filter.hpp"
#include "text/utf8.hpp"

namespace veille::search {

using analysis::Token;
using analysis::TokenKind;
using schema::Term;

namespace {

// ---------------------------------------------------------------- lexing

enum class Lex { Word, Phrase, Open, Close, And, Or, Not, End };

struct LexToken {
    Lex kind = Lex::End;
    std::string text;       // word or phrase content
    char sign = 0;          // '-' or '+' typed before the word/phrase/field
    std::string field;      // "titre" in titre:mali (as typed)
    bool wildcard = false;  // russ*
};

// Opening quote -> the closing quotes it accepts.
bool is_open_quote(char32_t c) {
    return c == U'"' || c == U'\u201C' || c == U'\u00AB' || c == U'\u201E';
}
bool closes(char32_t open, char32_t c) {
    switch (open) {
        case U'"': return c == U'"' || c == U'\u201D';
        case U'\u201C': return c == U'\u201D' || c == U'"';
        case U'\u00AB': return c == U'\u00BB';
        case U'\u201E': return c == U'\u201C' || c == U'\u201D' || c == U'"';
        default: return false;
    }
}
bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0' || c == U'\u202F' ||
           c == U'\u2009';
}

class Lexer {
public:
    Lexer(std::string_view s, std::vector<std::string>& warnings) : s_(s), warnings_(warnings) {}

    std::vector<LexToken> run() {
        std::vector<LexToken> out;
        while (true) {
            LexToken t = next();
            if (t.kind == Lex::End) break;
            out.push_back(std::move(t));
        }
        return out;
    }

private:
    char32_t peek(std::size_t& after) const {
        after = i_;
        return after < s_.size() ? text::decode_utf8(s_, after) : 0;
    }

    std::string read_phrase(char32_t open) {
        std::string content;
        while (i_ < s_.size()) {
            std::size_t after;
            char32_t c = peek(after);
            if (closes(open, c)) {
                i_ = after;
                return content;
            }
            content.append(s_.substr(i_, after - i_));
            i_ = after;
        }
        warnings_.push_back("unbalanced quote: phrase read to the end of the query");
        return content;
    }

    LexToken next() {
        std::size_t after;
        char32_t c = peek(after);
        while (c && is_space(c)) {
            i_ = after;
            c = peek(after);
        }
        if (!c) return {};
        LexToken t;
        if (c == U'(') { i_ = after; t.kind = Lex::Open; return t; }
        if (c == U')') { i_ = after; t.kind = Lex::Close; return t; }
        if ((c == U'-' || c == U'+') && after < s_.size()) {
            std::size_t a2 = after;
            char32_t d = text::decode_utf8(s_, a2);
            if (!is_space(d) && d != U'-' && d != U'+' && d != U')') {
                t.sign = static_cast<char>(c);
                i_ = after;
                c = peek(after);
            }
        }
        if (is_open_quote(c)) {
            i_ = after;
            t.kind = Lex::Phrase;
            t.text = read_phrase(c);
            return t;
        }
        // A bare word: up to a space, a parenthesis or a quote.
        std::size_t start = i_;
        while (i_ < s_.size()) {
            char32_t d = peek(after);
            if (is_space(d) || d == U'(' || d == U')' || is_open_quote(d) || d == U'\u00BB' ||
                d == U'\u201D')
                break;
            i_ = after;
        }
        std::string word(s_.substr(start, i_ - start));
        if (word.empty()) {  // a stray closing quote: skip it
            i_ = after;
            return next();
        }
        if (!t.sign) {
            if (word == "AND" || word == "ET" || word == "&&") { t.kind = Lex::And; return t; }
            if (word == "OR" || word == "OU" || word == "||") { t.kind = Lex::Or; return t; }
            if (word == "NOT" || word == "SAUF") { t.kind = Lex::Not; return t; }
        }
        // field:value or field:"phrase" for the fields the schema knows.
        if (auto colon = word.find(':'); colon != std::string::npos && colon > 0) {
            std::string name = word.substr(0, colon);
            if (schema::field_by_name(name)) {
                t.field = name;
                word = word.substr(colon + 1);
                if (word.empty() && i_ < s_.size()) {
                    char32_t q = peek(after);
                    if (is_open_quote(q)) {
                        i_ = after;
                        t.kind = Lex::Phrase;
                        t.text = read_phrase(q);
                        return t;
                    }
                }
            }
        }
        if (word.size() > 1 && word.back() == '*') {
            t.wildcard = true;
            word.pop_back();
        }
        t.kind = Lex::Word;
        t.text = std::move(word);
        return t;
    }

    std::string_view s_;
    std::size_t i_ = 0;
    std::vector<std::string>& warnings_;
};

// ---------------------------------------------------------------- filters

// The index key of an entity the user names by any of its forms: aliases resolve through
// the gazetteer (Daech -> État islamique); an unknown name is looked up as typed (folded),
// which is how candidate entities are stored.
std::string entity_key_of(const analysis::FrenchAnalyzer& analyzer,
                          const entities::EntityNames* gazetteer, std::string_view name) {
    if (gazetteer) {
        if (auto e = gazetteer->resolve(name)) return gazetteer->key(*e);
        return gazetteer->key_of(name);
    }
    std::string key;
    for (const auto& t : analyzer.analyze(name)) {
        if (t.kind == TokenKind::CompoundWhole) continue;
        if (!key.empty()) key += ' ';
        key += t.folded;
    }
    return key;
}

Xapian::Query date_range_query(const DateRange& range) {
    if (!range.low.empty() && !range.high.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, range.low, range.high);
    if (!range.low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, range.low);
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, range.high);
}

// ---------------------------------------------------------------- building

struct Built {
    Xapian::Query query;   // empty = nothing searchable in this part
    bool filter = false;   // a boolean filter (type:), combined with OP_FILTER
};

class Builder {
public:
    Builder(const analysis::FrenchAnalyzer& a, const entities::EntityNames* g,
            const QueryBuilder::CollectionNamesOf& names, std::vector<LexToken> toks, bool keep_stopwords,
            ParsedQuery& out)
        : analyzer_(a), gazetteer_(g), names_(names), toks_(std::move(toks)), keep_stopwords_(keep_stopwords),
          out_(out) {
        // Each typed word analysed once, for what the whole query's reading needs to know.
        has_word_.assign(toks_.size(), false);
        for (std::size_t i = 0; i < toks_.size(); ++i) {
            if (toks_[i].kind != Lex::Word) continue;
            const auto tokens = analyzer_.analyze(toks_[i].text);
            has_word_[i] = !tokens.empty();
            for (const auto& token : tokens) reads_as_sentence_ = reads_as_sentence_ || token.stopword;
        }
    }

    Xapian::Query run(bool& filters_only) {
        Xapian::Query q;
        bool has_content = false;
        int parts = 0;
        while (pos_ < toks_.size()) {
            auto part = parse_or(has_content);
            ++parts;
            if (!part.empty()) q = q.empty() ? part : Xapian::Query(Xapian::Query::OP_AND, q, part);
            if (pos_ < toks_.size() && toks_[pos_].kind == Lex::Close) {
                out_.warnings.push_back("unbalanced parenthesis ignored");
                ++pos_;
            }
        }
        filters_only = !q.empty() && !has_content;
        // Relaxing makes sense for one plain conjunction of two parts or more, one a plain word.
        if (parts == 1 && !or_seen_) out_.words = top_words_;
        if (parts == 1 && !or_seen_ && !explicit_and_ && !top_words_.empty() && !relaxed_.empty())
            out_.relaxed = relaxed_;
        return q;
    }

    bool saw_stopwords() const { return saw_stopwords_; }

private:
    const LexToken* peek() const { return pos_ < toks_.size() ? &toks_[pos_] : nullptr; }

    Xapian::Query parse_or(bool& has_content) {
        Xapian::Query left = parse_and(has_content);
        while (auto* t = peek()) {
            if (t->kind != Lex::Or) break;
            if (depth_ == 0) {  // alternatives: nothing to relax, no single list of words
                relaxed_ = Xapian::Query();
                or_seen_ = true;
            }
            ++pos_;
            Xapian::Query right = parse_and(has_content);
            if (left.empty()) left = right;
            else if (!right.empty()) left = Xapian::Query(Xapian::Query::OP_OR, left, right);
        }
        return left;
    }

    Xapian::Query parse_and(bool& has_content) {
        std::vector<Xapian::Query> positives, negatives, filters;
        std::vector<Xapian::Query> required, optional;  // positives split, for the relaxed query
        std::vector<QueryWord> words;
        bool negate_next = false;
        while (auto* t = peek()) {
            if (t->kind == Lex::Close || t->kind == Lex::Or) break;
            if (t->kind == Lex::And) {
                explicit_and_ = explicit_and_ || depth_ == 0;
                ++pos_;
                continue;
            }
            if (t->kind == Lex::Not) { ++pos_; negate_next = true; continue; }
            const bool negative = negate_next || t->sign == '-';
            negate_next = false;
            if (negative) ++negation_depth_;
            bool child_content = false;
            const LexToken& typed = toks_[pos_];
            const bool plain_word = typed.kind == Lex::Word && !typed.sign && typed.field.empty() &&
                                    !typed.wildcard;
            // Several plain words that together are an entity's proper name (état islamique,
            // forces armées maliennes) are one name: also found under its other names.
            NameRun run = plain_word && !negative ? proper_name_at(pos_) : NameRun{};
            const std::size_t name_words = run.words;
            const std::string& name = run.name;
            Built b;
            const bool named = plain_word && !negative && is_name(pos_, name_words);
            if (name_words >= 2) {
                b = {or_entity(run.entity, words_query(name, false)), false};
                pos_ += name_words;
            } else {
                b = parse_unary(child_content);
            }
            if (named && !b.query.empty())
                b.query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, b.query, QueryBuilder::kNameWeight);
            if (negative) --negation_depth_;
            if (b.query.empty()) continue;
            if (negative) negatives.push_back(b.query);
            else if (b.filter) filters.push_back(b.query);
            else {
                positives.push_back(b.query);
                has_content = true;
                if (plain_word) {
                    optional.push_back(b.query);
                    QueryWord w{name_words >= 2 ? name : typed.text, {}, {}, {}};
                    for (auto it = b.query.get_terms_begin(); it != b.query.get_terms_end(); ++it)
                        w.terms.push_back(*it);
                    if (name_words >= 2) name_parts(pos_ - name_words, run, w);
                    words.push_back(std::move(w));
                } else {
                    required.push_back(b.query);
                }
            }
            if (child_content && !negative) has_content = true;
        }
        auto combine = [&](Xapian::Query q) {
            if (!filters.empty()) {
                Xapian::Query f(Xapian::Query::OP_AND, filters.begin(), filters.end());
                q = q.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, f, 0.0)
                              : Xapian::Query(Xapian::Query::OP_FILTER, q, f);
            }
            if (!negatives.empty()) {
                Xapian::Query n(Xapian::Query::OP_OR, negatives.begin(), negatives.end());
                if (q.empty()) q = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query::MatchAll, 0.0);
                q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, n);
            }
            return q;
        };
        Xapian::Query q;
        if (!positives.empty())
            q = Xapian::Query(Xapian::Query::OP_AND, positives.begin(), positives.end());
        if (depth_ == 0 && negation_depth_ == 0 && !optional.empty() && positives.size() >= 2) {
            // The relaxed form: what the user marked as required (+word, "phrases", filters,
            // -word) stays required; the plain words need not all be there, nor any of them
            // beside something required (a quoted name found without the question's words
            // is still the best answer there is), but they rank.
            Xapian::Query any(Xapian::Query::OP_OR, optional.begin(), optional.end());
            if (!required.empty())
                any = Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                                    Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end()), any);
            relaxed_ = combine(any);
        }
        if (depth_ == 0 && negation_depth_ == 0) top_words_ = std::move(words);
        return combine(q);
    }

    Built parse_unary(bool& has_content) {
        const LexToken& t = toks_[pos_++];
        if (t.kind == Lex::Open) {
            ++depth_;
            Xapian::Query inner = parse_or(has_content);
            --depth_;
            if (peek() && peek()->kind == Lex::Close) ++pos_;
            else out_.warnings.push_back("unbalanced parenthesis: closed at the end of the query");
            return {inner, false};
        }
        if (t.kind == Lex::Close) return {};
        if (!t.field.empty()) return field_query(t);
        if (t.kind == Lex::Phrase) return {or_entity_named(t.text, phrase_query(t.text, false)), false};
        if (t.wildcard) return {wildcard_query(t.text), false};
        return {or_entity_named(t.text, words_query(t.text, false)), false};
    }

    // Plain words that together are the proper name of a known entity.
    struct NameRun {
        std::size_t words = 0;  // 0 when no run of two words or more is a name
        std::string name;       // as typed, words joined by spaces
        std::size_t entity = 0;
    };

    // The longest run of plain words from toks_[at] that is a name.
    NameRun proper_name_at(std::size_t at) const {
        if (!gazetteer_) return {};
        std::size_t plain = 0;
        while (at + plain < toks_.size() && plain < gazetteer_->max_units()) {
            const LexToken& t = toks_[at + plain];
            if (t.kind != Lex::Word || t.sign || !t.field.empty() || t.wildcard) break;
            if (!has_word_[at + plain]) break;  // "?" typed apart ends the name
            ++plain;
        }
        for (std::size_t n = plain; n >= 2; --n) {
            std::string joined = toks_[at].text;
            for (std::size_t k = 1; k < n; ++k) joined += " " + toks_[at + k].text;
            if (const auto entity = gazetteer_->resolve_proper_name(joined)) return {n, std::move(joined), *entity};
        }
        return {};
    }

    // Whether the plain word at toks_[at] (or the run of `run_words` from it) is written as a
    // name in a query typed as a sentence (Quel professeur de Lasègue…): with a capital where a
    // sentence would not start one, or first but a name the gazetteer knows. In a list of
    // keywords (restaurant vegan Pamela Anderson) every word was chosen: none weighs more.
    bool is_name(std::size_t at, std::size_t run_words) const {
        if (!reads_as_sentence_) return false;
        const std::string& word = toks_[at].text;
        if (!analysis::FrenchAnalyzer::is_capitalised(word)) return false;
        if (at > 0 || run_words >= 2) return true;
        return gazetteer_ && gazetteer_->resolve_proper_name(word).has_value();
    }

    // The terms of each word of the name run from toks_[first] and the entity's own term, for
    // telling which partial hits lack the name.
    void name_parts(std::size_t first, const NameRun& run, QueryWord& w) {
        for (std::size_t k = first; k < first + run.words; ++k) {
            const Xapian::Query one = words_query(toks_[k].text, false);
            if (one.empty()) continue;  // a stopword
            w.parts.emplace_back(one.get_terms_begin(), one.get_terms_end());
        }
        w.entity_term = schema::term(Term::Entity, gazetteer_->key(run.entity));
    }

    // A word or phrase that is a proper name of a known entity also finds the documents that
    // name the entity otherwise: Daech finds "État islamique", FAMa "Forces armées
    // maliennes" (the entity terms the indexer wrote). Their names light up in snippets.
    Xapian::Query or_entity_named(std::string_view text, Xapian::Query q) {
        if (q.empty() || !gazetteer_) return q;
        const auto entity = gazetteer_->resolve_proper_name(text);
        return entity ? or_entity(*entity, std::move(q)) : q;
    }

    // `q`, or the documents tagged with the gazetteer's `entity`; its names light up.
    Xapian::Query or_entity(std::size_t entity, Xapian::Query q) {
        if (q.empty()) return q;
        if (highlighting()) {
            for (auto& units : gazetteer_->form_units(entity)) out_.highlight.folded_sequences.push_back(std::move(units));
        }
        return Xapian::Query(Xapian::Query::OP_OR, q,
                             Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                           Xapian::Query(schema::term(Term::Entity, gazetteer_->key(entity))),
                                           QueryBuilder::kEntityNameWeight));
    }

    bool highlighting() const { return negation_depth_ == 0; }

    void note_highlight(const Token& t) {
        if (!highlighting()) return;
        out_.highlight.folded.insert(t.folded);
        if (t.has_distinct_exact()) out_.highlight.exact.insert(t.exact);
        if (!t.stem.empty()) out_.highlight.stems.insert(t.stem);
    }

    // One word. Its folded form and its stem are one SYNONYM (BM25 sees a single term whose
    // frequency is that of all its variants, rather than counting one word up to three times),
    // plus small bonuses for the very folded form and for the accented spelling: an exact
    // spelling ranks above a folded one, above a stem-only match. Weights measured on the
    // PIAF dev questions (bench/quality.sh); see README "Ranking".
    Xapian::Query word_query(const Token& t, bool title) {
        const Term folded_term = title ? Term::TitleFolded : Term::Folded;
        const Term stem_term = title ? Term::TitleStem : Term::Stem;
        Xapian::Query folded(schema::term(folded_term, t.folded));
        std::vector<Xapian::Query> forms;
        forms.push_back(t.stem.empty() ? folded
                                       : Xapian::Query(Xapian::Query::OP_SYNONYM, folded,
                                                       Xapian::Query(schema::term(stem_term, t.stem))));
        forms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, folded, QueryBuilder::kFoldedBonus);
        if (!title && t.has_distinct_exact() && !t.stopword)
            forms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                               Xapian::Query(schema::term(Term::Exact, t.exact)), QueryBuilder::kExactBonus);
        note_highlight(t);
        return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
    }

    // Free text: every content word required; a compound matches whole or by all its parts.
    Xapian::Query words_query(std::string_view text, bool title) {
        auto tokens = analyzer_.analyze(text);
        std::vector<Xapian::Query> parts;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const Token& t = tokens[i];
            if (t.stopword) {  // a compound of stopwords too (est-ce, a-t-il): its parts follow
                saw_stopwords_ = true;
                if (!keep_stopwords_) continue;
            }
            if (t.kind == TokenKind::CompoundWhole) {
                std::vector<Xapian::Query> sub;
                std::size_t j = i + 1;
                for (; j < tokens.size() && tokens[j].kind == TokenKind::CompoundPart; ++j)
                    if (!tokens[j].stopword || keep_stopwords_) sub.push_back(word_query(tokens[j], title));
                Token whole = t;
                Xapian::Query whole_q = word_query(whole, title);
                if (!sub.empty())
                    whole_q = Xapian::Query(Xapian::Query::OP_OR, whole_q,
                                            Xapian::Query(Xapian::Query::OP_AND, sub.begin(), sub.end()));
                parts.push_back(whole_q);
                i = j - 1;
                continue;
            }
            parts.push_back(word_query(t, title));
        }
        if (parts.empty()) return {};
        return parts.size() == 1 ? parts[0] : Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    }

    // A phrase: folded words in order at consecutive positions, stopwords and elided articles
    // included, so "la présence des forces russes" and « coopération sécuritaire » match as typed.
    Xapian::Query phrase_query(std::string_view text, bool title) {
        if (title) return words_query(text, true);  // titles are not positional: all words
        auto tokens = analyzer_.analyze(text);
        std::vector<Xapian::Query> terms;
        for (const auto& t : tokens) {
            if (t.kind == TokenKind::CompoundWhole) continue;  // its parts carry the positions
            terms.emplace_back(t.folded);
            if (!t.stopword) note_highlight(t);
        }
        if (terms.empty()) return {};
        if (terms.size() == 1) return words_query(text, false);
        return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                             static_cast<Xapian::termcount>(terms.size()));
    }

    Xapian::Query wildcard_query(std::string_view text) {
        std::string prefix = analyzer_.folded_form(text);
        if (prefix.empty()) return {};
        if (highlighting()) out_.highlight.folded_prefixes.push_back(prefix);
        // The folded, positional terms carry every word: expand over them, capped so "a*"
        // stays fast (the most frequent expansions are kept).
        return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix, 200,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }

    Built field_query(const LexToken& t) {
        using schema::Field;
        auto field = schema::field_by_name(t.field);
        if (!field) return {};
        switch (*field) {
            case Field::Title:
                return {t.kind == Lex::Phrase ? phrase_query(t.text, true) : words_query(t.text, true), false};
            case Field::Kind: {
                std::string v = analyzer_.folded_form(t.text);
                std::vector<Xapian::Query> kinds;
                for (std::size_t start = 0; start <= v.size();) {
                    auto bar = v.find_first_of("|,", start);
                    std::string one = v.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
                    if (one == "article" || one == "articles")
                        kinds.emplace_back(schema::term(Term::Kind, "article"));
                    else if (one == "commentaire" || one == "commentaires" || one == "comment" || one == "comments")
                        kinds.emplace_back(schema::term(Term::Kind, "comment"));
                    else if (!one.empty())
                        out_.warnings.push_back("type:" + one + " is not a type (article, commentaire): ignored");
                    if (bar == std::string::npos) break;
                    start = bar + 1;
                }
                if (kinds.empty()) return {};
                return {Xapian::Query(Xapian::Query::OP_OR, kinds.begin(), kinds.end()), true};
            }
            case Field::Entity:
            case Field::ArticleEntity: {
                const std::string key = entity_key(t.text);
                if (key.empty()) return {};
                if (*field == Field::Entity) return {entity_query(key, names_), true};
                return {Xapian::Query(schema::term(Term::ArticleEntity, key)), true};
            }
            case Field::Date:
            case Field::After:
            case Field::Before: {
                auto range = parse_date_filter(*field, t.text);
                if (!range) {
                    out_.warnings.push_back(t.field + ":" + t.text +
                                            " is not a date (2025, 2025-11, 2025-11-06, "
                                            "2022-01-01..2023-06-30): ignored");
                    return {};
                }
                out_.date_filtered = true;
                return {date_range_query(*range), true};
            }
            case Field::Id:
                return {Xapian::Query(schema::term(Term::UniqueId, t.text)), true};
        }
        return {};
    }

    std::string entity_key(std::string_view name) const { return entity_key_of(analyzer_, gazetteer_, name); }

    const analysis::FrenchAnalyzer& analyzer_;
    const entities::EntityNames* gazetteer_;
    const QueryBuilder::CollectionNamesOf& names_;
    std::vector<LexToken> toks_;
    std::size_t pos_ = 0;
    bool keep_stopwords_;
    bool saw_stopwords_ = false;
    std::vector<bool> has_word_;      // per typed token: the analyser finds a word in it ("?" has none)
    bool reads_as_sentence_ = false;  // a stopword was typed: the query is a sentence, not keywords
    int negation_depth_ = 0;
    int depth_ = 0;  // parentheses
    bool explicit_and_ = false;  // AND/ET typed: the user wants every word
    bool or_seen_ = false;       // OR/OU at the top level
    Xapian::Query relaxed_;
    std::vector<QueryWord> top_words_;
    ParsedQuery& out_;
};

}  // namespace

Xapian::Query entity_query(const std::string& key, const QueryBuilder::CollectionNamesOf& names_of) {
    Xapian::Query q(schema::term(Term::Entity, key));
    if (!names_of) return q;
    std::vector<Xapian::Query> any{q};
    for (const auto& name : names_of(key))  // every spelling of the name: "XNMvalls\x1e*"
        any.emplace_back(Xapian::Query::OP_WILDCARD,
                         schema::term(Term::NameMention, name + schema::kEntityTypeSeparator));
    return any.size() == 1 ? q : Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

Xapian::Query QueryBuilder::entity_filter(std::string_view name) const {
    return entity_query(entity_key_of(analyzer_, gazetteer_, name), collection_names_);
}

std::optional<Xapian::Query> QueryBuilder::date_filter(schema::Field field, std::string_view value) const {
    auto range = parse_date_filter(field, value);
    if (!range) return std::nullopt;
    return date_range_query(*range);
}

ParsedQuery QueryBuilder::parse(std::string_view input) const {
    ParsedQuery out;
    auto tokens = Lexer(input, out.warnings).run();
    Builder strict(analyzer_, gazetteer_, collection_names_, tokens, false, out);
    out.query = strict.run(out.filters_only);
    if ((out.query.empty() || out.filters_only) && strict.saw_stopwords()) {
        // Only stopwords were typed ("qu'il", "la"): search them rather than nothing.
        ParsedQuery again;
        again.warnings = out.warnings;
        Builder loose(analyzer_, gazetteer_, collection_names_, tokens, true, again);
        again.query = loose.run(again.filters_only);
        out = std::move(again);
    }
    return out;
}

}  // namespace veille::search
