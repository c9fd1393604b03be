//! The example shop reproduces the AK3D Studio seed notice's register: its four purposes,
//! with exactly the seed's data categories, its lawful bases but for the consent the seed
//! stacked on other bases (consent is no back-up basis: facts §3.1a), and its
//! legitimate-interest reasons as assessments.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use jiff::civil::date;
use smallprint::domain::{example::example_workspace, register::BasisKind};

#[test]
fn the_register_matches_the_seed_notice() {
    use BasisKind::{Contract, LegitimateInterests};
    let seed: [(&str, &[&str], &[BasisKind]); 4] = [
        (
            "Provide services and goods, including delivery",
            &[
                "Names and contact details",
                "Addresses",
                "Purchase or account history",
                "Payment details (including card or bank information for transfers and direct debits)",
                "Information relating to loyalty programmes",
            ],
            &[Contract],
        ),
        (
            "Operation of customer accounts and guarantees",
            &[
                "Names and contact details",
                "Addresses",
                "Payment details (including card or bank information for transfers and direct debits)",
                "Purchase history",
                "Account information, including registration details",
                "Information used for security purposes",
            ],
            // The seed also claimed a legal obligation (the Consumer Rights Act): that
            // Act obliges no one to keep data, and records kept for claims rest on a
            // legitimate interest (facts §3.1b), so the example does not repeat it.
            &[Contract, LegitimateInterests],
        ),
        (
            "Prevent crime, prosecute offenders, or defend against legal action",
            &[
                "Names and contact information",
                "Customer or client accounts and records",
                "Financial transaction information",
            ],
            &[LegitimateInterests],
        ),
        (
            "Service updates or marketing purposes",
            &[
                "Names and contact details",
                "Marketing preferences",
                "Location data",
                "Purchase or viewing history",
                "IP addresses",
                "Website and app user journey information",
            ],
            &[LegitimateInterests],
        ),
    ];
    let workspace = example_workspace(date(2026, 11, 23));
    assert_eq!(workspace.register.len(), seed.len());
    for (activity, (purpose, categories, bases)) in workspace.register.iter().zip(seed) {
        assert_eq!(activity.purpose, purpose);
        assert_eq!(activity.data_categories, categories);
        assert_eq!(activity.basis_kinds(), bases, "{purpose}");
        if let Some(lia) = activity.lia() {
            assert!(lia.gaps().is_empty(), "{purpose}: {:?}", lia.gaps());
        }
    }
    // The seed's own legitimate-interest reasons are the interests pursued.
    let marketing = workspace.register[3].lia().expect("LIA");
    assert!(
        marketing
            .interests_pursued
            .starts_with("Enhanced Customer Experience")
    );
    let crime = workspace.register[2].lia().expect("LIA");
    assert!(
        crime
            .interests_pursued
            .contains("Enforcing Licensing Agreements")
    );
    assert_eq!(
        workspace.issues(),
        vec![],
        "the example passes smallprint check"
    );
    for activity in &workspace.register {
        assert!(!activity.consent_is_stacked(), "{}", activity.purpose);
        assert!(!activity.retention.is_vague(), "{}", activity.purpose);
    }
    // Marketing is a purpose, so the notice must carry the Art. 21(4) statement.
    assert!(workspace.register[3].direct_marketing.is_some());
}
