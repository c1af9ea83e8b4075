use hickory_proto::rr::Name;
use serde_json::{json, Value};

use super::*;
use crate::engine::name::parse_name;
use crate::engine::rng::SimRng;
use crate::engine::route53::zone::{new_id, new_name_servers};

fn zone() -> HostedZone {
    let mut rng = SimRng::derive(1, "validate-test");
    let id = new_id('Z', &mut rng);
    let ns = new_name_servers(&mut rng);
    let name = parse_name("example.com").unwrap_or_else(|_| Name::root());
    HostedZone::new(id, name, "r".into(), None, false, ns).unwrap_or_else(|e| panic!("{e}"))
}

fn rrset(name: &str, rtype: &str, values: &[&str]) -> Value {
    let rr: Vec<Value> = values.iter().map(|v| json!({"Value": v})).collect();
    json!({"Name": name, "Type": rtype, "TTL": 300, "ResourceRecords": rr})
}

fn with(mut set: Value, extra: Value) -> Value {
    if let (Some(s), Some(e)) = (set.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            s.insert(k.clone(), v.clone());
        }
    }
    set
}

fn change(action: &str, set: Value) -> Value {
    json!({"Action": action, "ResourceRecordSet": set})
}

fn batch(changes: Vec<Value>) -> Value {
    json!({"Changes": changes})
}

fn hc() -> BTreeSet<String> {
    ["hc-1".to_string()].into_iter().collect()
}

fn run(z: &mut HostedZone, b: &Value) -> Result<Option<String>, ApiError> {
    apply_change_batch(z, b, &hc())
}

fn www_a() -> Value {
    rrset("www.example.com", "A", &["192.0.2.1"])
}

fn weighted(id: &str, w: i64) -> Value {
    with(www_a(), json!({"SetIdentifier": id, "Weight": w}))
}

/// (rule, batches applied first, the batch, Ok or the error code and the
/// exact message).
type Case = (
    &'static str,
    Vec<Value>,
    Value,
    Result<(), (&'static str, String)>,
);

fn icb(m: &str) -> Result<(), (&'static str, String)> {
    Err(("InvalidChangeBatch", format!("[{m}]")))
}

#[test]
fn change_batches_by_rule() {
    let cname_www = rrset("www.example.com", "CNAME", &["target.example.org"]);
    let zid = zone().id;
    let alias = |target: &str, hz: &str| {
        json!({"Name": "example.com", "Type": "A",
            "AliasTarget": {"HostedZoneId": hz, "DNSName": target, "EvaluateTargetHealth": false}})
    };
    let cases: Vec<Case> = vec![
        ("apex alias to an A in the zone (#41, #42)", vec![batch(vec![change("CREATE", www_a())])],
            batch(vec![change("CREATE", alias("www.example.com", &format!("/hostedzone/{zid}")))]), Ok(())),
        ("alias target created earlier in the batch (#8, #42)", vec![],
            batch(vec![change("CREATE", www_a()), change("CREATE", alias("www.example.com", &zid))]), Ok(())),
        ("alias target missing (#21)", vec![], batch(vec![change("CREATE", alias("www.example.com", &zid))]),
            icb(&format!("Tried to create an alias that targets www.example.com., type A in zone {zid}, but that target was not found"))),
        ("alias target outside the zone (#21)", vec![], batch(vec![change("CREATE", alias("elb.example.org", &zid))]),
            icb(&format!("Tried to create an alias that targets elb.example.org., type A in zone {zid}, but the alias target name does not lie within the target zone"))),
        ("alias into an AWS service zone is not checked (#37)", vec![],
            batch(vec![change("CREATE", alias("my-lb-1.eu-west-1.elb.amazonaws.com", "Z32O12XQLNTSW2"))]), Ok(())),
        ("CREATE then visible (#4)", vec![], batch(vec![change("CREATE", www_a())]), Ok(())),
        ("NS below the apex is a delegation (RFC 1034 §4.2.2)", vec![],
            batch(vec![change("CREATE", rrset("sub.example.com", "NS", &["ns1.example.net", "ns2.example.net"]))]), Ok(())),
        ("wildcard A is allowed (#31)", vec![], batch(vec![change("CREATE", rrset("*.example.com", "A", &["192.0.2.1"]))]), Ok(())),
        ("CREATE of an existing set (#4)", vec![batch(vec![change("CREATE", www_a())])], batch(vec![change("CREATE", www_a())]),
            icb("Tried to create resource record set [name='www.example.com.', type='A'] but it already exists")),
        ("CREATE existing with set identifier (#4)", vec![batch(vec![change("CREATE", weighted("Default", 1))])], batch(vec![change("CREATE", weighted("Default", 1))]),
            icb("Tried to create resource record set [name='www.example.com.', type='A', set-identifier='Default'] but it already exists")),
        ("DELETE of a missing set (#5)", vec![], batch(vec![change("DELETE", www_a())]),
            icb("Tried to delete resource record set [name='www.example.com.', type='A'] but it was not found")),
        ("DELETE with other values (#5)", vec![batch(vec![change("CREATE", www_a())])],
            batch(vec![change("DELETE", rrset("www.example.com", "A", &["192.0.2.9"]))]),
            icb("Tried to delete resource record set [name='www.example.com.', type='A'] but the values provided do not match the current values")),
        ("DELETE with another TTL (#5)", vec![batch(vec![change("CREATE", www_a())])],
            batch(vec![change("DELETE", with(www_a(), json!({"TTL": 60})))]),
            icb("Tried to delete resource record set [name='www.example.com.', type='A'] but the values provided do not match the current values")),
        ("DELETE values in another order (#5)", vec![batch(vec![change("CREATE", rrset("www.example.com", "A", &["192.0.2.1", "192.0.2.2"]))])],
            batch(vec![change("DELETE", rrset("WWW.example.com.", "A", &["192.0.2.2", "192.0.2.1"]))]), Ok(())),
        ("UPSERT creates (#6)", vec![], batch(vec![change("UPSERT", www_a())]), Ok(())),
        ("UPSERT replaces (#6)", vec![batch(vec![change("CREATE", www_a())])], batch(vec![change("UPSERT", rrset("www.example.com", "A", &["192.0.2.7"]))]), Ok(())),
        ("UPSERT cannot turn A into CNAME (#6, #12)", vec![batch(vec![change("CREATE", www_a())])], batch(vec![change("UPSERT", cname_www.clone())]),
            icb("RRSet of type CNAME with DNS name www.example.com. is not permitted as it conflicts with other records with the same DNS name in zone example.com.")),
        ("DELETE A then CREATE CNAME (#7, #8)", vec![batch(vec![change("CREATE", www_a())])],
            batch(vec![change("DELETE", www_a()), change("CREATE", cname_www.clone())]), Ok(())),
        ("CREATE CNAME then DELETE A fails (#8)", vec![batch(vec![change("CREATE", www_a())])],
            batch(vec![change("CREATE", cname_www.clone()), change("DELETE", www_a())]),
            icb("RRSet of type CNAME with DNS name www.example.com. is not permitted as it conflicts with other records with the same DNS name in zone example.com.")),
        ("DELETE then CREATE one set edits it (#15)", vec![batch(vec![change("CREATE", www_a())])],
            batch(vec![change("DELETE", www_a()), change("CREATE", rrset("www.example.com", "A", &["192.0.2.3"]))]), Ok(())),
        ("two CREATEs of one set (#9)", vec![], batch(vec![change("CREATE", cname_www.clone()), change("CREATE", cname_www.clone())]),
            icb("The request contains an invalid set of changes for a resource record set 'CNAME www.example.com.'")),
        ("one set deleted twice (#9)", vec![batch(vec![change("CREATE", www_a())])], batch(vec![change("DELETE", www_a()), change("DELETE", www_a())]),
            icb("The request contains an invalid set of changes for a resource record set 'A www.example.com.'")),
        ("UPSERT then DELETE of one set (#9, #98)", vec![], batch(vec![change("UPSERT", www_a()), change("DELETE", www_a())]),
            icb("The request contains an invalid set of changes for a resource record set 'A www.example.com.'")),
        ("CNAME at the apex (#11)", vec![], batch(vec![change("CREATE", rrset("example.com", "CNAME", &["x.example.org"]))]),
            icb("RRSet of type CNAME with DNS name example.com. is not permitted at apex in zone example.com.")),
        ("alias CNAME at the apex (#41)", vec![], batch(vec![change("CREATE", json!({"Name": "example.com", "Type": "CNAME",
            "AliasTarget": {"HostedZoneId": "Z1", "DNSName": "www.example.com", "EvaluateTargetHealth": false}}))]),
            icb("RRSet of type CNAME with DNS name example.com. is not permitted at apex in zone example.com.")),
        ("CNAME beside A (#12)", vec![batch(vec![change("CREATE", www_a())])], batch(vec![change("CREATE", cname_www.clone())]),
            icb("RRSet of type CNAME with DNS name www.example.com. is not permitted as it conflicts with other records with the same DNS name in zone example.com.")),
        ("TXT beside CNAME (#13)", vec![batch(vec![change("CREATE", cname_www.clone())])],
            batch(vec![change("CREATE", rrset("www.example.com", "TXT", &["\"hi\""]))]),
            icb("RRSet of type TXT with DNS name www.example.com. is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone example.com.")),
        ("name outside the zone (#14)", vec![], batch(vec![change("CREATE", rrset("foo.other.com", "A", &["192.0.2.1"]))]),
            icb("RRSet with DNS name foo.other.com. is not permitted in zone example.com.")),
        ("label boundary: badexample.com (#14)", vec![], batch(vec![change("CREATE", rrset("badexample.com", "A", &["192.0.2.1"]))]),
            icb("RRSet with DNS name badexample.com. is not permitted in zone example.com.")),
        ("A not-an-ip (#18)", vec![], batch(vec![change("CREATE", rrset("www.example.com", "A", &["not-an-ip"]))]),
            icb("Invalid Resource Record: 'FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with 'not-an-ip''")),
        ("value with spaces (#18)", vec![], batch(vec![change("CREATE", rrset("www.example.com", "A", &["88.112.107.181, 88.112.107.181"]))]),
            icb("Invalid Resource Record: 'FATAL problem: ARRDATANotSingleField (Value contains spaces) encountered with '88.112.107.181, 88.112.107.181''")),
        ("duplicate value (#19)", vec![], batch(vec![change("CREATE", rrset("www.example.com", "A", &["10.160.0.188", "10.160.0.188"]))]),
            icb("Duplicate Resource Record: '10.160.0.188'")),
        ("simple where weighted exist (#20)", vec![batch(vec![change("CREATE", weighted("a", 1))])], batch(vec![change("CREATE", www_a())]),
            icb("RRSet with DNS name www.example.com., type A cannot be created as other RRSets exist with the same name and type.")),
        ("weighted where simple exists (#20, #47)", vec![batch(vec![change("CREATE", www_a())])], batch(vec![change("CREATE", weighted("a", 1))]),
            icb("RRSet with DNS name www.example.com., type A, SetIdentifier \"a\" cannot be created because a non weighted rrset exists with the same name and type.")),
        ("multivalue where simple exists (#20)", vec![batch(vec![change("CREATE", www_a())])],
            batch(vec![change("CREATE", with(www_a(), json!({"SetIdentifier": "m", "MultiValueAnswer": true})))]),
            icb("RRSet with DNS name www.example.com., type A, SetIdentifier \"m\" cannot be created because a non multivalue answer rrset exists with the same name and type.")),
        ("failover beside weighted (#47)", vec![batch(vec![change("CREATE", weighted("a", 1))])],
            batch(vec![change("CREATE", with(www_a(), json!({"SetIdentifier": "p", "Failover": "PRIMARY"})))]),
            icb("RRSet with DNS name www.example.com., type A, SetIdentifier \"p\" cannot be created because a non failover rrset exists with the same name and type.")),
        ("two weighted sets (#52)", vec![batch(vec![change("CREATE", weighted("a", 1))])], batch(vec![change("CREATE", weighted("b", 0))]), Ok(())),
        ("latency region twice (#20, #57)", vec![batch(vec![change("CREATE", with(www_a(), json!({"SetIdentifier": "one", "Region": "eu-west-1"})))])],
            batch(vec![change("CREATE", with(www_a(), json!({"SetIdentifier": "xyz.com", "Region": "eu-west-1"})))]),
            icb("RRSet with DNS name www.example.com., type A, SetIdentifier xyz.com, and Region Name=eu-west-1 cannot be created because a latency RRSet with the same name, type and region already exists.")),
        ("two PRIMARY (#49)", vec![batch(vec![change("CREATE", with(www_a(), json!({"SetIdentifier": "p1", "Failover": "PRIMARY"})))])],
            batch(vec![change("CREATE", with(www_a(), json!({"SetIdentifier": "p2", "Failover": "PRIMARY"})))]),
            icb("RRSet with DNS name www.example.com., type A, SetIdentifier p2, and Failover PRIMARY cannot be created because a failover RRSet with the same name, type and role already exists.")),
        ("PRIMARY and SECONDARY (#49)", vec![batch(vec![change("CREATE", with(www_a(), json!({"SetIdentifier": "p", "Failover": "PRIMARY", "HealthCheckId": "hc-1"})))])],
            batch(vec![change("CREATE", with(www_a(), json!({"SetIdentifier": "s", "Failover": "SECONDARY"})))]), Ok(())),
        ("same geolocation twice (#58)", vec![batch(vec![change("CREATE", with(www_a(), json!({"SetIdentifier": "g1", "GeoLocation": {"CountryCode": "FR"}})))])],
            batch(vec![change("CREATE", with(www_a(), json!({"SetIdentifier": "g2", "GeoLocation": {"CountryCode": "FR"}})))]),
            icb("RRSet with DNS name www.example.com., type A, SetIdentifier g2, and GeoLocation {\"CountryCode\":\"FR\"} cannot be created because a geolocation RRSet with the same name, type and location already exists.")),
        ("deleting the apex SOA (#15)", vec![], batch(vec![change("DELETE", json!("SOA"))]), icb("A HostedZone must contain exactly one SOA record.")),
        ("deleting the apex NS (#15)", vec![], batch(vec![change("DELETE", json!("NS"))]), icb("A HostedZone must contain at least one NS record for the zone itself.")),
        ("SOA below the apex (#15)", vec![], batch(vec![change("CREATE", rrset("x.example.com", "SOA", &["a. b. 1 2 3 4 5"]))]),
            icb("A HostedZone must contain exactly one SOA record.")),
        ("every problem listed together (#10)", vec![], batch(vec![
                change("CREATE", rrset("a.other.com", "A", &["192.0.2.1"])),
                change("DELETE", www_a()),
                change("CREATE", rrset("b.example.com", "A", &["bad"]))]),
            icb("RRSet with DNS name a.other.com. is not permitted in zone example.com., Tried to delete resource record set [name='www.example.com.', type='A'] but it was not found, Invalid Resource Record: 'FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with 'bad''")),
        ("unknown health check", vec![], batch(vec![change("CREATE", with(www_a(), json!({"HealthCheckId": "nope"})))]),
            Err(("NoSuchHealthCheck", "A health check with id nope does not exist.".into()))),
        ("unknown action (#22)", vec![], batch(vec![change("FOO", www_a())]),
            Err(("InvalidInput", "Invalid XML ; cvc-enumeration-valid: Value 'FOO' is not facet-valid with respect to enumeration '[CREATE, DELETE, UPSERT]'.".into()))),
        ("no changes (#1)", vec![], batch(vec![]),
            Err(("InvalidInput", "1 validation error detected: Value '[]' at 'changeBatch.changes' failed to satisfy constraint: Member must have length greater than or equal to 1".into()))),
        ("comment of 257 chars (#1)", vec![], json!({"Comment": "c".repeat(257), "Changes": [change("CREATE", www_a())]}),
            Err(("InvalidInput", format!("1 validation error detected: Value '{}' at 'changeBatch.comment' failed to satisfy constraint: Member must have length less than or equal to 256", "c".repeat(257))))),
        ("two constraint errors listed (#25, #52)", vec![], batch(vec![change("CREATE", with(weighted("a", 256), json!({"TTL": -1})))]),
            Err(("InvalidInput", "2 validation errors detected: Value '256' at 'changeBatch.changes.1.member.resourceRecordSet.weight' failed to satisfy constraint: Member must have value less than or equal to 255; Value '-1' at 'changeBatch.changes.1.member.resourceRecordSet.tTL' failed to satisfy constraint: Member must have value greater than or equal to 0".into()))),
        ("missing action", vec![], json!({"Changes": [{"ResourceRecordSet": www_a()}]}),
            Err(("InvalidInput", "1 validation error detected: Value 'null' at 'changeBatch.changes.1.member.action' failed to satisfy constraint: Member must not be null".into()))),
    ];
    for (rule, setup, b, want) in cases {
        let mut z = zone();
        for s in &setup {
            run(&mut z, s).unwrap_or_else(|e| panic!("{rule}: setup failed: {e}"));
        }
        let b = apex_fill(&z, b);
        let before = z.clone();
        let got = run(&mut z, &b).map(|_| ()).map_err(|e| (e.code, e.message));
        let want = want.map_err(|(c, m)| (c.to_string(), m));
        assert_eq!(got, want, "{rule}");
        if got.is_err() {
            assert_eq!(z, before, "{rule}: a failed batch changes nothing (#7)");
        }
    }
}

/// `json!("SOA")` in a case stands for the zone's own apex set of that type.
fn apex_fill(z: &HostedZone, mut b: Value) -> Value {
    if let Some(changes) = b.get_mut("Changes").and_then(Value::as_array_mut) {
        for c in changes {
            let Some(t) = c
                .get("ResourceRecordSet")
                .and_then(Value::as_str)
                .map(str::to_string)
            else {
                continue;
            };
            let set = z.sets().find(|s| s.rtype.to_string() == t);
            if let Some(set) = set {
                c["ResourceRecordSet"] = serde_json::to_value(set.to_model()).unwrap_or_default();
            }
        }
    }
    b
}

/// #7: atomicity; an error in the last change leaves the first unapplied.
#[test]
fn a_failing_batch_applies_nothing() {
    let mut z = zone();
    let b = batch(vec![
        change("CREATE", www_a()),
        change("CREATE", rrset("x.other.com", "A", &["192.0.2.1"])),
    ]);
    assert!(run(&mut z, &b).is_err());
    assert_eq!(z.record_set_count(), 2);
    assert!(run(&mut z, &batch(vec![change("CREATE", www_a())])).is_ok());
    assert_eq!(z.record_set_count(), 3);
}

/// #15: editing the apex SOA by UPSERT is allowed; its NS too.
#[test]
fn apex_sets_can_be_upserted() {
    let mut z = zone();
    let soa = "ns-1.awsdns-01.com. awsdns-hostmaster.amazon.com. 2 7200 900 1209600 60";
    let b = batch(vec![
        change("UPSERT", rrset("example.com", "SOA", &[soa])),
        change("UPSERT", rrset("example.com", "NS", &["ns1.example.net"])),
    ]);
    assert_eq!(run(&mut z, &b).map_err(|e| e.message), Ok(None));
    assert!(z
        .sets()
        .any(|s| s.values().first().is_some_and(|v| v.text == soa)));
}

/// DG `DNSLimitations` (#23): 1,000 records and 32,000 characters a
/// batch, UPSERT counted twice; exact boundaries.
#[test]
fn batch_limits() {
    let sets = |n: usize, per: usize, action: &str| -> Value {
        let changes = (0..n)
            .map(|i| {
                let values: Vec<String> = (0..per)
                    .map(|j| format!("10.{}.{}.{}", i / 256, i % 256, j))
                    .collect();
                let refs: Vec<&str> = values.iter().map(String::as_str).collect();
                change(action, rrset(&format!("h{i}.example.com"), "A", &refs))
            })
            .collect();
        batch(changes)
    };
    let records = |b: &Value| run(&mut zone(), b).err().map(|e| e.message);
    assert_eq!(
        records(&sets(10, 100, "CREATE")),
        None,
        "1,000 records is allowed"
    );
    assert_eq!(
        records(&sets(10, 100, "UPSERT")),
        Some("[Number of records limit of 1000 exceeded.]".to_string()),
        "UPSERT counts twice"
    );
    let chars = |n: usize, action: &str| -> Value {
        // TXT values of 250 characters each: quotes, a digit, 247 x's.
        let body = "x".repeat(247);
        let changes = (0..n)
            .map(|i| {
                let values: Vec<String> = (0..8).map(|j| format!("\"{j}{body}\"")).collect();
                let refs: Vec<&str> = values.iter().map(String::as_str).collect();
                change(action, rrset(&format!("t{i}.example.com"), "TXT", &refs))
            })
            .collect();
        batch(changes)
    };
    assert_eq!(
        records(&chars(16, "CREATE")),
        None,
        "16 x 8 x 250 = 32,000 characters is allowed"
    );
    assert_eq!(
        records(&chars(17, "CREATE")),
        Some("[Number of characters in values limit of 32000 exceeded.]".to_string())
    );
    assert_eq!(
        records(&chars(9, "UPSERT")),
        Some("[Number of characters in values limit of 32000 exceeded.]".to_string()),
        "UPSERT counts twice"
    );
}

/// #10 as data: each problem names its rule and change, so an editor can
/// highlight the row; batch-wide problems name no change.
#[test]
fn problems_carry_rule_and_change() {
    let z = zone();
    let soa = z
        .sets()
        .find(|s| s.rtype == RecordType::SOA)
        .map(|s| s.to_model());
    let b = batch(vec![
        change("CREATE", www_a()),
        change("CREATE", rrset("a.other.com", "A", &["192.0.2.1"])),
        change(
            "CREATE",
            rrset("b.example.com", "A", &["bad", "192.0.2.1", "192.0.2.1"]),
        ),
        change("DELETE", serde_json::to_value(soa).unwrap_or_default()),
    ]);
    let rejection = plan_change_batch(&z, &b, &hc())
        .err()
        .unwrap_or_else(|| panic!("accepted"));
    let got: Vec<(Option<usize>, Rule)> = rejection
        .problems
        .iter()
        .map(|p| (p.change, p.rule))
        .collect();
    assert_eq!(
        got,
        [
            (Some(1), Rule::NotInZone),
            (Some(2), Rule::InvalidValue),
            (Some(2), Rule::DuplicateValue),
            (None, Rule::SoaRequired),
        ]
    );
    assert_eq!(rejection.error.code, "InvalidChangeBatch");
    let plan = plan_change_batch(&z, &batch(vec![change("CREATE", www_a())]), &hc());
    assert_eq!(
        plan.map(|p| p.record_sets.len()).ok(),
        Some(3),
        "planning leaves the zone alone"
    );
    assert_eq!(z.record_set_count(), 2);
}
