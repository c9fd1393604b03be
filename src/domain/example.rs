//! The example shop offered on first run: a fictional one-person 3D-model studio,
//! modelled on the AK3D Studio notice in the seeds. Every name, address and email in it
//! is invented; `.example` domains and the ZZ postcode area cannot reach anyone.

use super::{
    organisation::{FeeTier, Nation, Organisation, PostalAddress, PrivacyContact},
    register::ProcessingActivity,
    workspace::Workspace,
};

/// The purposes of the seed notice, in its order.
const SEED_PURPOSES: [&str; 4] = [
    "Provide services and goods, including delivery",
    "Operate customer accounts and guarantees",
    "Prevent crime, prosecute offenders, or defend against legal action",
    "Service updates and marketing",
];

pub fn example_workspace() -> Workspace {
    let mut workspace = Workspace {
        organisation: Organisation {
            legal_name: "Morwenna Tallis".to_owned(),
            trading_name: "Kestrel Forge 3D".to_owned(),
            address: PostalAddress {
                lines: vec![
                    "Unit 4, Tinker's Yard".to_owned(),
                    "Lantern Lane".to_owned(),
                ],
                town: "Exampleton".to_owned(),
                postcode: "ZZ1 4KF".to_owned(),
            },
            email: "hello@kestrelforge.example".to_owned(),
            phone: "01632 960 418".to_owned(),
            website: "https://kestrelforge.example".to_owned(),
            ico_registration_number: "ZB123456".to_owned(),
            ico_fee_tier: Some(FeeTier::Micro),
            ico_renewal_date: Some(jiff::civil::date(2027, 3, 14)),
            privacy_contact: Some(PrivacyContact {
                name: "Morwenna Tallis".to_owned(),
                is_data_protection_officer: false,
                email: "privacy@kestrelforge.example".to_owned(),
                phone: String::new(),
            }),
            nation: Nation::EnglandAndWales,
        },
        ..Workspace::default()
    };
    for purpose in SEED_PURPOSES {
        let id = workspace.ids.activity();
        workspace.register.push(ProcessingActivity {
            id,
            purpose: purpose.to_owned(),
        });
    }
    workspace
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_profile_is_valid_and_fictional() {
        let workspace = example_workspace();
        assert_eq!(workspace.organisation.issues(), vec![]);
        assert!(workspace.organisation.email.ends_with(".example"));
        assert!(workspace.organisation.website.ends_with(".example"));
        assert_eq!(workspace.register.len(), 4);
    }
}
