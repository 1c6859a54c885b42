//! The catalogue's parts read from their JSON text into the model, field by field, as serde's
//! derived readers would (the model keeps those for the site owners' command-line tools, and a
//! test checks the two agree): a required field that is absent, or any value of the wrong kind,
//! fails the part with an error naming its path; unknown fields are passed over; `null` means
//! "not given" only where a value is optional.

use litemap::LiteMap;

use super::json::{Error, Reader};
use super::model::{
    Aftercare, Clinic, Contact, Cost, Credential, ExtraFeature, Location, MedicationOffer, OutcomeClaim, Price,
    Publisher, Question,
};

fn required<T>(value: Option<T>, field: &str) -> Result<T, Error> {
    value.ok_or_else(|| Error::missing(field))
}

fn strings(r: &mut Reader) -> Result<Vec<String>, Error> {
    r.list(Reader::string)
}

fn text(r: &mut Reader) -> Result<Option<String>, Error> {
    r.optional(Reader::string)
}

pub fn clinic(r: &mut Reader) -> Result<Clinic, Error> {
    let mut c = Clinic::default();
    let (mut id, mut name, mut location) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            "id" => id = Some(r.string()?),
            "name" => name = Some(r.string()?),
            "summary" => c.summary = text(r)?,
            "location" => location = Some(self::location(r)?),
            "contact" => c.contact = contact(r)?,
            "settings" => c.settings = strings(r)?,
            "detox" => c.detox = strings(r)?,
            "medications" => c.medications = r.list(medication)?,
            "stance" => c.stance = text(r)?,
            "therapies" => c.therapies = strings(r)?,
            "conditions" => c.conditions = strings(r)?,
            "groups" => c.groups = strings(r)?,
            "programme_days" => c.programme_days = r.list(Reader::whole)?,
            "aftercare" => c.aftercare = r.optional(aftercare)?,
            "cost" => c.cost = cost(r)?,
            "credentials" => c.credentials = r.list(credential)?,
            "languages" => c.languages = strings(r)?,
            "visiting" => c.visiting = text(r)?,
            "phone_policy" => c.phone_policy = text(r)?,
            "family_involvement" => c.family_involvement = text(r)?,
            "answers" => c.answers = answers(r)?,
            "outcomes" => c.outcomes = r.list(outcome)?,
            "extra_features" => c.extra_features = strings(r)?,
            "last_verified" => c.last_verified = text(r)?,
            _ => {
                r.skip()?;
            }
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
        } else {
            r.skip()?;
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
            "address" => l.address = strings(r)?,
            "town" => town = Some(r.string()?),
            "region" => l.region = text(r)?,
            "postcode" => l.postcode = text(r)?,
            "country" => country = Some(r.string()?),
            "lat" => l.lat = r.optional(Reader::number)?,
            "lon" => l.lon = r.optional(Reader::number)?,
            _ => {
                r.skip()?;
            }
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
            "phone" => c.phone = text(r)?,
            "intake_phone" => c.intake_phone = text(r)?,
            "website" => c.website = text(r)?,
            "email" => c.email = text(r)?,
            _ => {
                r.skip()?;
            }
        }
        Ok(())
    })?;
    Ok(c)
}

fn medication(r: &mut Reader) -> Result<MedicationOffer, Error> {
    let (mut code, mut forms) = (None, Vec::new());
    r.object(&mut |r, key| {
        match key {
            "code" => code = Some(r.string()?),
            "forms" => forms = strings(r)?,
            _ => {
                r.skip()?;
            }
        }
        Ok(())
    })?;
    Ok(MedicationOffer {
        code: required(code, "code")?,
        forms,
    })
}

fn aftercare(r: &mut Reader) -> Result<Aftercare, Error> {
    let mut a = Aftercare::default();
    r.object(&mut |r, key| {
        match key {
            "kinds" => a.kinds = strings(r)?,
            "months" => a.months = r.optional(Reader::whole)?,
            "free" => a.free = r.optional(Reader::boolean)?,
            _ => {
                r.skip()?;
            }
        }
        Ok(())
    })?;
    Ok(a)
}

fn cost(r: &mut Reader) -> Result<Cost, Error> {
    let mut c = Cost::default();
    r.object(&mut |r, key| {
        match key {
            "funding" => c.funding = strings(r)?,
            "price" => c.price = r.optional(price)?,
            _ => {
                r.skip()?;
            }
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
            _ => {
                r.skip()?;
            }
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
            "rating" => rating = text(r)?,
            "reference" => reference = text(r)?,
            _ => {
                r.skip()?;
            }
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
            _ => {
                r.skip()?;
            }
        }
        Ok(())
    })?;
    Ok(OutcomeClaim {
        claim: required(claim, "claim")?,
        source: required(source, "source")?,
    })
}

/// A clinic's answers: an object of texts by question id.
fn answers(r: &mut Reader) -> Result<LiteMap<String, String>, Error> {
    let mut answers = LiteMap::new();
    r.object(&mut |r, question| {
        answers.insert(question.to_string(), r.string()?);
        Ok(())
    })?;
    Ok(answers)
}

pub fn publisher(r: &mut Reader) -> Result<Publisher, Error> {
    let mut p = Publisher::default();
    let (mut name, mut updated) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "name" => name = Some(r.string()?),
            "url" => p.url = text(r)?,
            "contact" => p.contact = text(r)?,
            "updated" => updated = Some(r.string()?),
            "licence" => p.licence = text(r)?,
            "attribution" => p.attribution = text(r)?,
            _ => {
                r.skip()?;
            }
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
            _ => {
                r.skip()?;
            }
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
    r.object(&mut |r, key| {
        match key {
            "code" => code = Some(r.string()?),
            "label" => label = Some(r.string()?),
            "explanation" => explanation = text(r)?,
            _ => {
                r.skip()?;
            }
        }
        Ok(())
    })?;
    Ok(ExtraFeature {
        code: required(code, "code")?,
        label: required(label, "label")?,
        explanation,
    })
}
