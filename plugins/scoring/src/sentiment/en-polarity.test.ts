import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze.js';

const options = { neutralBand: 0.2 };
const score = (text: string) => analyzeSentiment(text, 'en', options).score;
const label = (text: string) => analyzeSentiment(text, 'en', options).label;

describe('English rules', () => {
  it('flips a polar word after a negation, including "-n\'t" contractions', () => {
    expect(score('not bad at all')).toBeGreaterThan(0);
    expect(score("I don't like it")).toBeLessThan(0);
    expect(score('This is NOT good')).toBeLessThan(0);
    expect(score('never had a single problem with it')).toBeGreaterThan(0);
  });

  it('reads a negated expectation as a complaint', () => {
    expect(label('Three days and no response from support')).toBe('negative');
    expect(label('Nobody picks up the phone at the branch')).toBe('negative');
    expect(label('The app is still not working')).toBe('negative');
  });

  it('weighs the clause after "but" and lightens the one after "although"', () => {
    expect(label('The food was good but the service was terrible')).toBe('negative');
    expect(label('The service was terrible but the food was good')).toBe('positive');
    expect(label('Although the food was good, the service was terrible')).toBe('negative');
    expect(label('Despite the delay, the crew was great')).toBe('positive');
  });

  it('strengthens words in capitals among lower case, and exclamation marks', () => {
    expect(score('The food is GOOD')).toBeGreaterThan(score('The food is good'));
    expect(score('The food is good!!!')).toBeGreaterThan(score('The food is good'));
    expect(score('ALL CAPS IS GOOD')).toBeCloseTo(score('all caps is good'));
  });

  it('scores emoji and emoticons', () => {
    expect(label('New phone just arrived 😍')).toBe('positive');
    expect(label('my flight is delayed again 😡')).toBe('negative');
    expect(label('great weekend :)')).toBe('positive');
    expect(label('the update is out :(')).toBe('negative');
  });

  it('turns praise into blame next to an ironic mark or scare quotes', () => {
    expect(label('Fantastic. 🙄')).toBe('negative');
    expect(label('yeah right, best service ever')).toBe('negative');
    expect(label('the strap snapped on day two, quality at its finest')).toBe('negative');
    expect(label('closing every checkout but one on a Saturday, genius move')).toBe('negative');
    expect(label('free upgrade to the new plan, what could go wrong')).toBe('negative');
    expect(label('slow clap for the airline')).toBe('negative');
    expect(label('the best support team I have dealt with')).toBe('positive');
    expect(score('Comcast "upgraded" my plan')).toBeLessThan(score('Comcast upgraded my plan'));
  });

  it('knows social-media slang and ratings', () => {
    expect(label('this phone is the goat')).toBe('positive');
    expect(label('new burger place slaps 🔥')).toBe('positive');
    expect(label('the new season is so mid')).toBe('negative');
    expect(label('the app is slow af')).toBe('negative');
    expect(label('10/10 would buy again')).toBe('positive');
    expect(label('1/10, do not recommend')).toBe('negative');
  });

  it('knows complaint and praise phrases of customer care', () => {
    expect(label('Still waiting on my refund, 6 weeks now')).toBe('negative');
    expect(label('Never flying with them again')).toBe('negative');
    expect(label('Rental car company added hidden fees')).toBe('negative');
    expect(label('The app keeps logging me out')).toBe('negative');
    expect(label('Shoutout to the crew, they went above and beyond')).toBe('positive');
    expect(label('Support fixed the billing issue in minutes')).toBe('positive');
  });

  it('keeps plain questions and brand names neutral', () => {
    expect(label('Which bank has the best savings account?')).toBe('neutral');
    expect(label('Best Buy is open until 9 tonight')).toBe('neutral');
    expect(label('@united flight 123 boards at noon')).toBe('neutral');
    expect(label('It looks like rain today')).toBe('neutral');
  });

  it("keeps emoji out of a negation's reach", () => {
    expect(label('Nothing was broken 🙏')).toBe('positive');
    expect(label('no refund yet 😡')).toBe('negative');
  });

  it('reads lower-case scare quotes and "so much for" as sneers, domain names as brands', () => {
    expect(label('my claim has been "processing" for a month')).toBe('negative');
    expect(score('the "Perfect" tour dates are out')).toBeCloseTo(score('the Perfect tour dates are out'));
    expect(label('the strap snapped in a week, so much for durable')).toBe('negative');
    expect(label('thanks so much for the help')).toBe('positive');
    expect(label('Brilliant.org added a new course')).toBe('neutral');
  });

  it('knows hassle-free praise and product names that only look polar', () => {
    expect(label('claim paid with zero fuss')).toBe('positive');
    expect(label('returned it, no questions asked')).toBe('positive');
    expect(label('Google launched a new smart speaker')).toBe('neutral');
    expect(label('the app logged me out again')).toBe('negative');
  });

  it('still hears a complaint phrased as a question', () => {
    expect(label('Why does the app keep crashing?')).toBe('negative');
    expect(label('Anyone else getting charged twice?')).toBe('negative');
    expect(label('Is it too much to ask for a working elevator?')).toBe('negative');
    expect(label('Is the elevator working?')).toBe('neutral');
  });

  it('reads how long a service took, how long a wait lasted and how soon a thing broke', () => {
    expect(label('The locksmith got us back inside in ten minutes')).toBe('positive');
    expect(label('the refund landed within the hour')).toBe('positive');
    expect(label('sat on the runway for 50 minutes')).toBe('negative');
    expect(label('the zipper gave out after three weeks')).toBe('negative');
  });

  it('leaves schedules, plans and counts of how often alone', () => {
    expect(label('The pop-up shop opens in 10 minutes')).toBe('neutral');
    expect(label('Your order will ship in 2 days')).toBe('neutral');
    expect(label('the app asked me for a code twice in an hour')).toBe('neutral');
    expect(label('Renting a car in Denver for three days next week')).toBe('neutral');
    expect(label('back at work after two weeks off')).toBe('neutral');
  });

  it('reads a short lower-case phrase in quotes as a sneer, and a remedy in quotes as none', () => {
    expect(label('my order has been "on its way" for a week')).toBe('negative');
    expect(label('the gym is "temporarily closed" again')).toBe('negative');
    expect(label('the landlord fixed the broken heater')).toBe('positive');
    expect(label('the landlord "fixed" the broken heater')).toBe('negative');
  });

  it('knows service praise without a polar word, and complaints of the same kind', () => {
    expect(label('the barber fixed my uneven fringe without me asking')).toBe('positive');
    expect(label('Apple replaced the dead battery, no pushback')).toBe('positive');
    expect(label('the crossing guard made my day')).toBe('positive');
    expect(label('the app actually remembers my order')).toBe('positive');
    expect(label('the bakery ran out of bread by noon')).toBe('negative');
    expect(label('the clinic had no record of my visit')).toBe('negative');
    expect(label("the parking meter won't recognize my card")).toBe('negative');
    expect(label('the site went down during the sale, love that for us')).toBe('negative');
  });

  it('keeps event and pricing words of announcements neutral', () => {
    expect(label('GitHub has a free tier for students')).toBe('neutral');
    expect(label('the food festival starts on Friday')).toBe('neutral');
    expect(label("the bus didn't come on time")).toBe('negative');
  });
});
