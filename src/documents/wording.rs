//! The one place where Smallprint turns the shop's own words into sentences: purposes
//! after "to" or "for the", possessives, "a, b and c" lists, instructions after "To
//! withdraw it,", consequences after "If you do not give it to us,". Every document
//! builder goes through these, so a phrase is fixed once for all of them.

/// Verbs a purpose may start with ("Provide goods…" reads "to provide goods…").
const VERBS: &[&str] = &[
    "provide",
    "prevent",
    "comply",
    "receive",
    "deal",
    "send",
    "manage",
    "process",
    "run",
    "keep",
    "take",
    "deliver",
    "handle",
    "improve",
    "respond",
    "protect",
    "make",
    "meet",
    "carry",
    "check",
    "verify",
    "detect",
    "sell",
    "market",
    "tell",
    "contact",
    "answer",
    "pay",
    "recruit",
    "employ",
    "train",
    "analyse",
    "understand",
    "organise",
    "fulfil",
    "offer",
    "secure",
    "defend",
    "enforce",
    "record",
    "publish",
    "share",
    "collect",
    "support",
    "maintain",
    "operate",
    "administer",
    "monitor",
];

/// Verbs an instruction may start with ("Untick the box…", "Email us…"): anything else
/// is a thing to use ("The unsubscribe link…").
const INSTRUCTION_VERBS: &[&str] = &[
    "untick",
    "tick",
    "tell",
    "email",
    "e-mail",
    "click",
    "reply",
    "use",
    "write",
    "call",
    "phone",
    "ring",
    "contact",
    "unsubscribe",
    "change",
    "send",
    "visit",
    "log",
    "sign",
    "ask",
    "text",
    "follow",
    "go",
    "select",
    "choose",
    "update",
    "delete",
    "remove",
    "turn",
    "switch",
    "press",
    "opt",
    "let",
    "speak",
    "message",
    "fill",
    "complete",
    "come",
];

/// The first word of `text`, lower-cased.
fn first_word(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or_default()
        .to_lowercase()
}

/// The text as it reads inside a sentence: "Service updates" → "service updates". An
/// acronym ("VAT returns", "CCTV") or a name with a capital inside keeps its capitals.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

/// The text as it starts a sentence: "to provide…" → "To provide…".
pub fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Text that ends as a sentence does, however the user ended it.
pub fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// A purpose as it follows "We use your information …": "to provide services…" for a
/// verb, "for the operation of customer accounts" for a noun with "of" after it, "for
/// service updates or marketing purposes" otherwise.
pub fn purpose_phrase(purpose: &str) -> String {
    let purpose = purpose.trim();
    let lower = lower_first(purpose);
    let first = first_word(&lower);
    if lower.starts_with("to ") || lower.starts_with("for ") {
        lower
    } else if VERBS.contains(&first.as_str()) {
        format!("to {lower}")
    } else if lower.split_whitespace().nth(1) == Some("of") && first != lower {
        // "Operation of customer accounts": one thing, so it takes "the".
        format!("for the {lower}")
    } else {
        format!("for {lower}")
    }
}

/// `name` as the subject of a possessive: "the Information Commission’s address" — or,
/// when the name is itself a possessive ("Information Commissioner's Office"), "the
/// address of the Information Commissioner's Office", since "Office’s" after
/// "Commissioner's" reads as a stutter.
pub fn possessive(name: &str, thing: &str) -> String {
    let name = name.trim();
    let has_possessive = name.contains("'s") || name.contains("’s") || name.ends_with('s');
    if has_possessive {
        format!("the {thing} of the {name}")
    } else {
        format!("the {name}’s {thing}")
    }
}

/// Items as one list in a sentence: "a and b", "a, b and c" — or, when an item has a
/// comma of its own, "a; b; and c", so the reader can tell where each ends.
pub fn join_list(items: &[String]) -> String {
    let items: Vec<&str> = items
        .iter()
        .map(|item| item.trim())
        .filter(|item| !item.is_empty())
        .collect();
    let (separator, last) = if items.iter().any(|item| item.contains(',')) {
        ("; ", "; and ")
    } else {
        (", ", " and ")
    };
    match items.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., final_item] => format!("{}{last}{final_item}", init.join(separator)),
    }
}

/// An instruction that follows "To withdraw it," or "To stop it,": the shop's own words
/// when they say what to do ("untick the box…"), or what to use when they name a thing
/// ("use the unsubscribe link in every email"). Ends as a sentence.
pub fn instruction(text: &str) -> String {
    let text = text.trim();
    let lower = lower_first(text);
    let first = first_word(&lower);
    let phrase = if INSTRUCTION_VERBS.contains(&first.as_str()) {
        lower
    } else {
        format!("use {lower}")
    };
    sentence(&phrase)
}

/// What happens when people do not give the data, after "If you do not give it to us,".
pub fn consequence(text: &str) -> String {
    let text = sentence(text);
    if text.is_empty() {
        return text;
    }
    let lower = lower_first(&text);
    let lower = lower
        .strip_prefix("if you do not, ")
        .unwrap_or(&lower)
        .to_owned();
    format!("If you do not give it to us, {lower}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn purposes_read_as_a_person_would_write_them() {
        assert_eq!(
            purpose_phrase("Provide services and goods, including delivery"),
            "to provide services and goods, including delivery"
        );
        assert_eq!(
            purpose_phrase("Operation of customer accounts and guarantees"),
            "for the operation of customer accounts and guarantees"
        );
        assert_eq!(
            purpose_phrase("Service updates or marketing purposes"),
            "for service updates or marketing purposes"
        );
        assert_eq!(purpose_phrase("VAT returns"), "for VAT returns");
        assert_eq!(
            purpose_phrase("CCTV for safety and crime prevention"),
            "for CCTV for safety and crime prevention"
        );
        assert_eq!(purpose_phrase("Finding new work"), "for finding new work");
        assert_eq!(purpose_phrase("to run a raffle"), "to run a raffle");
    }

    #[test]
    fn possessives_never_stack() {
        assert_eq!(
            possessive("Information Commissioner's Office", "address"),
            "the address of the Information Commissioner's Office"
        );
        assert_eq!(
            possessive("Information Commission", "address"),
            "the Information Commission’s address"
        );
    }

    #[test]
    fn lists_join_with_and_and_semicolons_when_items_have_commas() {
        assert_eq!(join_list(&strings(&[])), "");
        assert_eq!(join_list(&strings(&["a"])), "a");
        assert_eq!(join_list(&strings(&["a", "b"])), "a and b");
        assert_eq!(join_list(&strings(&["a", "b", " ", "c"])), "a, b and c");
        assert_eq!(
            join_list(&strings(&[
                "to prevent crime, or defend claims",
                "for marketing"
            ])),
            "to prevent crime, or defend claims; and for marketing"
        );
    }

    #[test]
    fn instructions_read_after_to_withdraw_it() {
        assert_eq!(
            instruction("The unsubscribe link in every email"),
            "use the unsubscribe link in every email."
        );
        assert_eq!(
            instruction("Untick the box in the account settings, or email us."),
            "untick the box in the account settings, or email us."
        );
        assert_eq!(instruction("Tell us at any time"), "tell us at any time.");
    }

    #[test]
    fn consequences_follow_if_you_do_not_give_it() {
        assert_eq!(
            consequence("We cannot take or deliver your order."),
            "If you do not give it to us, we cannot take or deliver your order."
        );
        assert_eq!(consequence(" "), "");
    }
}
