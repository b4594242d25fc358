# bash completion for veille-index and veille-query.
_veille() {
    local cur prev
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    case "${COMP_WORDS[0]##*/}" in
    veille-index)
        case "$prev" in
            --db|--entities) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        esac
        if [[ "$cur" == -* ]]; then
            COMPREPLY=($(compgen -W "--db --entities --max-file-size --commit-every --shards --compact -q --quiet --help --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        ;;
    veille-query)
        case "$prev" in
            --db|--report) COMPREPLY=($(compgen -f -- "$cur")); return ;;
            --type) COMPREPLY=($(compgen -W "article commentaire" -- "$cur")); return ;;
            --sort) COMPREPLY=($(compgen -W "relevance date date-asc" -- "$cur")); return ;;
            --format) COMPREPLY=($(compgen -W "text json jsonl csv tsv" -- "$cur")); return ;;
            --lang) COMPREPLY=($(compgen -W "fr en" -- "$cur")); return ;;
        esac
        if [[ "$cur" == -* ]]; then
            COMPREPLY=($(compgen -W "--db --limit --offset --type --entity --since --until --sort --facets --facets-only --facet-limit --json --format --bom --count --explain --like --no-collapse --save --list-saved --new --dry-run --report --lang -i --interactive --help --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "entité: type: date: après: avant: titre: article.entité:" -- "$cur"))
            compopt -o nospace 2>/dev/null
        fi
        ;;
    esac
}
complete -F _veille veille-index veille-query
