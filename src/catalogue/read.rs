//! The catalogue's parts read from their JSON text into the model, field by field, as serde's
//! derived readers would (the model keeps those for the site owners' command-line tools, and a
//! test checks the two agree): a required field that is absent, or any value of the wrong kind,
//! fails the part with an error naming its path; unknown fields are passed over (by the reader);
//! `null` means "not given" only where a value is optional.

use litemap::LiteMap;

use super::json::{Error, Reader};
use super::model::{
    Aftercare, Clinic, Contact, Cost, Credential, ExtraFeature, Location, MedicationOffer, OutcomeClaim, Price,
    Publisher, Question,
};

fn required<T>(value: Option<T>, field: &str) -> Result<T, Error> {
    value.ok_or_else(|| Error::missing(field))
}

// The two kinds of field most parts have, read into their place by one function each rather than
// by code repeated at every field (this reading is in the widget's download).

fn strings(r: &mut Reader, field: &mut Vec<String>) -> Result<(), Error> {
    *field = r.list(Reader::string)?;
    Ok(())
}

fn text(r: &mut Reader, field: &mut Option<String>) -> Result<(), Error> {
    *field = r.optional(Reader::string)?;
    Ok(())
}

pub fn clinic(r: &mut Reader) -> Result<Clinic, Error> {
    let mut c = Clinic::default();
    let (mut id, mut name, mut location) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            "id" => id = Some(r.string()?),
            "name" => name = Some(r.string()?),
            "summary" => text(r, &mut c.summary)?,
            "location" => location = Some(self::location(r)?),
            "contact" => c.contact = contact(r)?,
            "settings" => strings(r, &mut c.settings)?,
            "detox" => strings(r, &mut c.detox)?,
            "medications" => c.medications = r.list(medication)?,
            "stance" => text(r, &mut c.stance)?,
            "therapies" => strings(r, &mut c.therapies)?,
            "conditions" => strings(r, &mut c.conditions)?,
            "groups" => strings(r, &mut c.groups)?,
            "accepts" => strings(r, &mut c.accepts)?,
            "services" => strings(r, &mut c.services)?,
            "programme_days" => c.programme_days = r.list(Reader::whole)?,
            "aftercare" => c.aftercare = r.optional(aftercare)?,
            "cost" => c.cost = cost(r)?,
            "credentials" => c.credentials = r.list(credential)?,
            "languages" => strings(r, &mut c.languages)?,
            "visiting" => text(r, &mut c.visiting)?,
            "phone_policy" => text(r, &mut c.phone_policy)?,
            "family_involvement" => text(r, &mut c.family_involvement)?,
            "answers" => c.answers = answers(r)?,
            "outcomes" => c.outcomes = r.list(outcome)?,
            "extra_features" => strings(r, &mut c.extra_features)?,
            // Not offered as filters: the widget passes over them (see the model).
            #[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
            "info_features" => strings(r, &mut c.info_features)?,
            "last_verified" => text(r, &mut c.last_verified)?,
            _ => {}
        }
        Ok(())
    })?;
    c.id = required(id, "id")?;
    c.name = required(name, "name")?;
    c.location = required(location, "location")?;
    Ok(c)
}

/// Just a record's id, to name a record that could not be read.
pub fn record_id(json: &str) -> Option<String> {
    let mut id = None;
    let _ = Reader::new(json).object(&mut |r, key| {
        if key == "id" {
            id = r.string().ok();
        }
        Ok(())
    });
    id
}

fn location(r: &mut Reader) -> Result<Location, Error> {
    let mut l = Location::default();
    let (mut town, mut country) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "address" => strings(r, &mut l.address)?,
            "town" => town = Some(r.string()?),
            "region" => text(r, &mut l.region)?,
            "postcode" => text(r, &mut l.postcode)?,
            "country" => country = Some(r.string()?),
            "lat" => l.lat = r.optional(Reader::number)?,
            "lon" => l.lon = r.optional(Reader::number)?,
            _ => {}
        }
        Ok(())
    })?;
    l.town = required(town, "town")?;
    l.country = required(country, "country")?;
    Ok(l)
}

fn contact(r: &mut Reader) -> Result<Contact, Error> {
    let mut c = Contact::default();
    r.object(&mut |r, key| {
        match key {
            "phone" => text(r, &mut c.phone)?,
            "intake_phone" => text(r, &mut c.intake_phone)?,
            "website" => text(r, &mut c.website)?,
            "email" => text(r, &mut c.email)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(c)
}

fn medication(r: &mut Reader) -> Result<MedicationOffer, Error> {
    let (mut code, mut forms, mut purpose) = (None, Vec::new(), None);
    r.object(&mut |r, key| {
        match key {
            "code" => code = Some(r.string()?),
            "forms" => strings(r, &mut forms)?,
            "purpose" => text(r, &mut purpose)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(MedicationOffer {
        code: required(code, "code")?,
        forms,
        purpose,
    })
}

fn aftercare(r: &mut Reader) -> Result<Aftercare, Error> {
    let mut a = Aftercare::default();
    r.object(&mut |r, key| {
        match key {
            "kinds" => strings(r, &mut a.kinds)?,
            "months" => a.months = r.optional(Reader::whole)?,
            "free" => a.free = r.optional(Reader::boolean)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(a)
}

fn cost(r: &mut Reader) -> Result<Cost, Error> {
    let mut c = Cost::default();
    r.object(&mut |r, key| {
        match key {
            "funding" => strings(r, &mut c.funding)?,
            "price" => c.price = r.optional(price)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(c)
}

fn price(r: &mut Reader) -> Result<Price, Error> {
    let (mut from, mut to, mut currency) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            "from" => from = Some(r.number()?),
            "to" => to = r.optional(Reader::number)?,
            "currency" => currency = Some(r.string()?),
            _ => {}
        }
        Ok(())
    })?;
    Ok(Price {
        from: required(from, "from")?,
        to,
        currency: required(currency, "currency")?,
    })
}

fn credential(r: &mut Reader) -> Result<Credential, Error> {
    let (mut code, mut rating, mut reference) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            "code" => code = Some(r.string()?),
            "rating" => text(r, &mut rating)?,
            "reference" => text(r, &mut reference)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(Credential {
        code: required(code, "code")?,
        rating,
        reference,
    })
}

fn outcome(r: &mut Reader) -> Result<OutcomeClaim, Error> {
    let (mut claim, mut source) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "claim" => claim = Some(r.string()?),
            "source" => source = Some(r.string()?),
            _ => {}
        }
        Ok(())
    })?;
    Ok(OutcomeClaim {
        claim: required(claim, "claim")?,
        source: required(source, "source")?,
    })
}

/// A clinic's answers: an object of texts by question id (a map: an id given twice keeps the
/// later text, as serde reads it).
fn answers(r: &mut Reader) -> Result<LiteMap<String, String>, Error> {
    let mut answers = LiteMap::new();
    r.map(&mut |r, question| {
        answers.insert(question.to_string(), r.string()?);
        Ok(())
    })?;
    Ok(answers)
}

/// The catalogue's `translations`: an object of languages, each an object of texts by what they
/// translate; kept in one flat map by "<language>/<what>" ("es/question/cost").
pub fn translations(r: &mut Reader) -> Result<LiteMap<String, String>, Error> {
    let mut texts = LiteMap::new();
    r.map(&mut |r, language| {
        r.map(&mut |r, what| {
            texts.insert(format!("{language}/{what}"), r.string()?);
            Ok(())
        })
    })?;
    Ok(texts)
}

pub fn publisher(r: &mut Reader) -> Result<Publisher, Error> {
    let mut p = Publisher::default();
    let (mut name, mut updated) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "name" => name = Some(r.string()?),
            "url" => text(r, &mut p.url)?,
            "contact" => text(r, &mut p.contact)?,
            "updated" => updated = Some(r.string()?),
            "licence" => text(r, &mut p.licence)?,
            "attribution" => text(r, &mut p.attribution)?,
            _ => {}
        }
        Ok(())
    })?;
    p.name = required(name, "name")?;
    p.updated = required(updated, "updated")?;
    Ok(p)
}

pub fn question(r: &mut Reader) -> Result<Question, Error> {
    let (mut id, mut text) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "id" => id = Some(r.string()?),
            "text" => text = Some(r.string()?),
            _ => {}
        }
        Ok(())
    })?;
    Ok(Question {
        id: required(id, "id")?,
        text: required(text, "text")?,
    })
}

pub fn extra_feature(r: &mut Reader) -> Result<ExtraFeature, Error> {
    let (mut code, mut label, mut explanation) = (None, None, None);
    // Information-only features are never referenced by clinics in the widget (see
    // `Clinic::info_features`), so only the native tools read the flag.
    #[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
    let mut filter = true;
    r.object(&mut |r, key| {
        match key {
            "code" => code = Some(r.string()?),
            "label" => label = Some(r.string()?),
            "explanation" => text(r, &mut explanation)?,
            #[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
            "filter" => filter = r.boolean()?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(ExtraFeature {
        code: required(code, "code")?,
        label: required(label, "label")?,
        explanation,
        #[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
        filter,
    })
}
