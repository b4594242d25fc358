#include "indexing/collection_entities.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "entities/collection_names.hpp"
#include "schema/schema.hpp"
#include "text/fields.hpp"

namespace veille::indexing {

using schema::Term;

namespace {

std::set<Xapian::docid> postings(const Xapian::Database& db, const std::string& term) {
    std::set<Xapian::docid> out;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) out.insert(*it);
    return out;
}

using Decision = entities::CollectionName;

// What one document's facet value and stored list must lose and gain.
struct Edit {
    std::vector<Decision> remove, add;
};

}  // namespace

CollectionPassSummary run_collection_pass(const std::vector<Xapian::WritableDatabase*>& shards,
                                          const entities::EntityGazetteer& gazetteer) {
    CollectionPassSummary summary;
    if (shards.empty()) return summary;
    Xapian::Database all;
    for (auto* s : shards) all.add_database(*s);
    const std::string meta_key(schema::meta::kCollectionEntities);
    const auto previous = entities::CollectionNames::parse(shards.front()->get_metadata(meta_key)).decisions();
    const std::string mention_prefix(schema::prefix(Term::NameMention));
    const std::string evidence_prefix(schema::prefix(Term::NameEvidence));
    const char sep = schema::kEntityTypeSeparator;

    // Each name's spellings (terms) with their document counts, grouped by key.
    std::map<std::string, std::vector<std::pair<std::string, Xapian::doccount>>> spellings;
    for (auto it = all.allterms_begin(mention_prefix); it != all.allterms_end(mention_prefix); ++it) {
        const std::string term = *it;
        const auto cut = term.find(sep, mention_prefix.size());
        if (cut == std::string::npos) continue;
        spellings[term.substr(mention_prefix.size(), cut - mention_prefix.size())].push_back({term, it.get_termfreq()});
    }
    summary.names = spellings.size();

    std::map<std::string, Decision> now;  // name key -> its entity
    for (const auto& [key, terms] : spellings) {
        if (gazetteer.by_units(key)) continue;  // a known name: the matcher decides where it is
        Xapian::doccount documents = 0;
        const std::pair<std::string, Xapian::doccount>* commonest = &terms.front();
        for (const auto& t : terms) {
            documents += t.second;
            if (t.second > commonest->second) commonest = &t;
        }
        if (key.empty()) continue;
        const auto words = text::split(key, ' ');
        if (words.size() == 1) {
            // "Valls" alone: the one person of that name the collection knows in full.
            if (const auto* persons = gazetteer.persons_named(key)) {
                const entities::Entity* only = nullptr;
                std::size_t tagged = 0;
                for (std::size_t p : *persons) {
                    const auto& e = gazetteer.entities()[p];
                    if (all.term_exists(schema::term(Term::Entity, e.key))) {
                        ++tagged;
                        only = &e;
                    }
                }
                if (tagged == 1) {
                    now[key] = {only->key, only->type, only->name};
                    continue;
                }
                if (tagged > 1) continue;  // two Le Pen: no telling which
            }
            if (gazetteer.is_first_name(key)) continue;  // "Jean" alone is nobody in particular
            if (documents < 2) continue;                  // a lone word must recur
            // Written in lower case in more than a quarter of the documents that hold it: a
            // common noun ("Taxe", "Constitution", "Rédaction") capitalised at a title start
            // or by a house style. Names are capitalised nearly everywhere.
            if (documents * 4 < all.get_termfreq(key) * 3) continue;
        } else if (!gazetteer.is_first_name(std::string(words.front()))) {
            // "Gilets Jaunes": its rarest word is mostly lower case elsewhere.
            Xapian::doccount rarest = 0;
            for (const auto w : words)
                if (w.size() > 3) {
                    const auto df = all.get_termfreq(std::string(w));
                    if (rarest == 0 || df < rarest) rarest = df;
                }
            if (rarest > 0 && documents * 10 < rarest * 3) continue;
        }
        // Its kind: what most of the documents that say anything of it say.
        std::string type(entities::kCandidateType);
        Xapian::doccount best = 0;
        for (const char* kind : {"personne", "organisation", "lieu"}) {
            const auto n = all.get_termfreq(evidence_prefix + kind + sep + key);
            if (n > best) {
                best = n;
                type = kind;
            }
        }
        if (best * 10 < documents) type = entities::kCandidateType;
        now[key] = {key, type, commonest->first.substr(commonest->first.find(sep) + 1)};
    }
    summary.accepted = now.size();

    // Which documents change. The pass never touches a document's terms (rewriting them
    // would rewrite its positions: 4 ms a document, where its facet value takes 0.2): the
    // query side finds its documents through the names (entité:K = the entity's term, or a
    // name decided to be K). So a document gains the facet entry when it writes an accepted
    // name and its own words do not already name the entity, and loses it when the decision
    // that gave it is gone or changed.
    const std::size_t n = shards.size();
    std::map<Xapian::docid, Edit> edits;
    std::set<std::string> keys;
    for (const auto& [k, d] : previous) keys.insert(k);
    for (const auto& [k, d] : now) keys.insert(k);
    const std::vector<std::pair<std::string, Xapian::doccount>> none;
    for (const auto& key : keys) {
        const auto old_it = previous.find(key);
        const auto new_it = now.find(key);
        const Decision* old_d = old_it == previous.end() ? nullptr : &old_it->second;
        const Decision* new_d = new_it == now.end() ? nullptr : &new_it->second;
        const auto spelled = spellings.find(key);
        const auto& terms = spelled == spellings.end() ? none : spelled->second;
        std::set<Xapian::docid> mentions;
        for (const auto& t : terms)
            for (auto did : postings(all, t.first)) mentions.insert(did);
        // A decision gone or changed: the documents it tagged lose its entry. Changed or not,
        // a document that writes the name gets the current one (an earlier run may have).
        if (old_d && (!new_d || *old_d != *new_d)) {
            const auto own = postings(all, schema::term(Term::Entity, old_d->entity_key));
            for (auto did : mentions)
                if (!own.count(did)) edits[did].remove.push_back(*old_d);
        }
        if (new_d) {
            const auto own = postings(all, schema::term(Term::Entity, new_d->entity_key));
            for (auto did : mentions)
                if (!own.count(did)) edits[did].add.push_back(*new_d);
        }
    }

    for (auto& [did, edit] : edits) {
        Xapian::WritableDatabase& db = *shards[(did - 1) % n];
        const Xapian::docid local = (did - 1) / n + 1;
        Xapian::Document doc = db.get_document(local);
        std::set<std::string> facet;
        for (const auto& [type, name] : schema::entity_entries(doc.get_value(schema::kSlotEntities)))
            facet.insert(schema::entity_entry(type, name));
        auto entry = [](const Decision& d) { return schema::entity_entry(d.type, d.name); };
        bool changed = false;
        for (const auto& d : edit.remove) changed = facet.erase(entry(d)) > 0 || changed;
        for (const auto& d : edit.add) changed = facet.insert(entry(d)).second || changed;
        if (!changed) continue;  // nothing new (an earlier run did it): no rewrite
        if (facet.empty()) doc.remove_value(schema::kSlotEntities);
        else doc.add_value(schema::kSlotEntities, schema::entity_value({facet.begin(), facet.end()}));
        db.replace_document(local, doc);
        ++summary.documents;
    }
    entities::CollectionNames decided;
    for (const auto& [key, d] : now) decided.set(key, d);
    const std::string decisions = decided.format();
    for (auto* s : shards) s->set_metadata(meta_key, decisions);
    return summary;
}

}  // namespace veille::indexing
