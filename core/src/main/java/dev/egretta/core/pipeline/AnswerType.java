package dev.egretta.core.pipeline;

import java.util.regex.Pattern;

/**
 * The kind of answer a question asks for, read from its wording ("how long" asks for a duration,
 * "how often" for a frequency, "who" for a role or an organisation...), and whether a sentence
 * has that kind of content. A sentence that shares a question's words but holds no duration does
 * not answer "how long"; this is one of the features that tell an answer from a mention.
 */
public enum AnswerType {
  /**
   * "How often ...": annually, every quarter, at least once a year, continuously. "Periodically",
   * "regularly" and "recurring" are left out: they say that something repeats, not how often, and a
   * policy that only says "review periodically" does not answer "how often must it be reviewed".
   */
  FREQUENCY("\\bhow (?:often|frequently|regularly)\\b|\\bat what (?:frequency|intervals?)\\b|\\bwhat (?:is the )?frequency\\b"
      + "|\\bhow many times\\b",
      "\\b(?:annual(?:ly)?|yearly|quarterly|monthly|weekly|daily|hourly|bi-?annual(?:ly)?|biennial(?:ly)?|semi-?annual(?:ly)?"
      + "|every\\s+\\w+|each\\s+(?:year|month|quarter|week|day)|at least once|once (?:a|per|every|each)|per (?:year|month|quarter|week)"
      + "|continuous(?:ly)?|ongoing|times a)\\b"),
  /** "How long ...", "how many days ...", "what is the deadline ...": a time span or a deadline. */
  DURATION("\\bhow (?:long|soon|quickly|fast)\\b|\\bhow many (?:\\w+ )?(?:seconds|minutes|hours|days|weeks|months|years)\\b"
      + "|\\bwithin (?:what|which|how)\\b|\\b(?:deadline|time ?frame|timeline|retention period|time limit|notice period)\\b"
      + "|\\bby when\\b|\\bhow much (?:time|notice)\\b",
      "\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|sixty|ninety"
      + "|twenty-four|seventy-two)[\\s-]+(?:\\(\\d+\\)\\s+)?(?:business |working |calendar )?(?:seconds?|minutes?|hours?|days?|weeks?"
      + "|months?|years?)\\b|\\bimmediately\\b|\\bwithout (?:undue )?delay\\b|\\bno later than\\b|\\bprompt(?:ly)?\\b"),
  /** "Who ...", "which team ...": a role, a body or an organisation. */
  WHO("^(?:and |so )?who(?:m|se)?\\b|\\bwho (?:is|are|must|should|shall|can|will|approves|signs|decides)\\b"
      + "|\\b(?:which|what) (?:role|roles|team|office|officer|official|person|party|parties|body|bodies|organi[sz]ation"
      + "|agency|department|group|committee|individual|entity|entities|authority|unit|staff|personnel|stakeholders?)\\b"
      + "|\\b(?:responsible|accountable) for\\b",
      "\\b(?:officer|committee|board|manager|management|team|director|head|department|authority|agency|administrator"
      + "|coordinator|owner|staff|personnel|lead|leader|chief|official|officials|organi[sz]ation|office|unit|council|provider|csp"
      + "|ciso|cio|isso|issm|pmo|jab|responsible|accountable|approv\\w*|designat\\w*|appoint\\w*|assign\\w*)\\b"),
  /**
   * "What fee ...", "how much does it cost ...": a price or that there is none. Before {@link #QUANTITY},
   * whose numbers would count any figure as a price.
   */
  COST("\\bhow much (?:does|do|did|will|would|is|are|should|must|can)\\b[^?]*\\b(?:cost|charge|pay|spend)\\b"
      + "|" + Phrases.ASKED
      + "(?:fees?|costs?|prices?|charges?)\\b",
      "[$\u20ac\u00a3]\\s?\\d|\\b\\d[\\d,.]*\\s?(?:dollars|usd|eur|euros?|gbp|pounds)\\b"
      + "|(?<![-\\w])free\\b(?! from\\b| of (?!charge))|\\b(?:no|without) (?:cost|charge|fee)s?\\b|\\bcost-free\\b"),
  /**
   * "What email address ...", "which phone number ...": an address, a number or a web page to reach
   * someone by. Only the thing itself answers: a text that says "report it to the service desk" names
   * whom to contact, not how.
   */
  CONTACT(Phrases.ASKED
      + "(?:e-?mail(?: address(?:es)?)?|(?:tele)?phone(?: numbers?| lines?)?|hotline|fax(?: number)?|web ?pages?|web ?sites?"
      + "|url|mailbox|(?:mailing |postal )?address(?:es)?|contact details)\\b",
      "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|\\bhttps?://\\S+|\\bwww\\.[\\w-]+\\.\\S+"
      + "|\\b[\\w-]+\\.(?:gov|com|org|net|mil|edu|int|eu|io)\\b|(?:\\+?1[-. ])?\\(?\\b\\d{3}\\)?[-. ]\\d{3}[-. ][0-9a-z][0-9a-z-]{3,}\\b"),
  /** "How many ...", "what percentage ...": a number or an amount. */
  QUANTITY("\\bhow (?:many|much)\\b|\\bwhat (?:is the )?(?:percentage|percent|number|amount|proportion|fraction|maximum|minimum"
      + "|limit|threshold|level)\\b",
      "\\d|\\bpercent\\b|%|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|hundred|thousand|million|all|none"
      + "|maximum|minimum|at least|at most|no more than)\\b"),
  /** "When ...": a date, an event or a condition. */
  DATE("^(?:and |so )?when\\b|\\bwhat date\\b|\\bsince when\\b|\\b(?:effective|due) date\\b|\\bat what (?:point|stage|time)\\b",
      "\\b(?:19|20)\\d\\d\\b|\\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b"
      + "|\\b(?:before|after|prior to|upon|once|when|whenever|following|during|at the (?:start|end|time)|if|in the event"
      + "|within|every|annual(?:ly)?|\\d+ (?:days?|hours?|weeks?|months?|years?))\\b"),
  /** "Why ...", "what is the purpose of ...": a purpose or a reason. */
  PURPOSE("^(?:and |so )?why\\b|\\b(?:purpose|objective|aim|goal|rationale|reason)s? (?:of|for|behind)\\b",
      "\\b(?:to|in order to|so that|purpose|ensure|because|objective|aim|goal|intended|designed to|enables?|allows?)\\b"),
  /** "Which ...", "what are the steps ...": several items. */
  LIST("^(?:and |so )?which\\b|\\bwhat (?:are|were) (?:the )?(?:\\w+ )?(?:types|kinds|categories|components|elements|steps|phases"
      + "|requirements|criteria|factors|principles|roles|responsibilities|objectives|conditions|documents|items|stages|levels"
      + "|activities|controls|measures|methods|options)\\b|^(?:list|name|enumerate)\\b|\\bwhat (?:types|kinds|steps|phases"
      + "|components|elements|categories)\\b",
      ":|;|,[^,]+,[^,]*\\b(?:and|or)\\b|\\b(?:include|includes|including|following|consists? of|comprises?|are as follows|such as)\\b"),
  /** "What is X?": a definition. */
  DEFINITION("^(?:and |so )?what (?:is|are|does) (?:a |an |the )?[^ ]+(?: [^ ]+)?(?: mean)?\\?*$|\\bdefin(?:e|ition)\\b"
      + "|\\bmeaning of\\b|\\bstands? for\\b",
      "\\b(?:is|are) (?:a|an|the|defined|any)\\b|\\bmeans?\\b|\\brefers? to\\b|\\bdefined as\\b|\\bstands? for\\b|\\bconsists? of\\b"),
  /** Any other question: no particular kind of answer. */
  NONE("(?!)", "(?!)");

  /** Wording shared by several kinds (enum constants cannot name a static field of their own enum). */
  private static final class Phrases {
    /**
     * "Which", "what" or "what is the", then at most two words before the asked noun ("what email
     * address", "which free public web page"); an auxiliary ends it ("what risks does the plan address").
     */
    static final String ASKED = "\\b(?:which|what)\\s+(?:(?:is|are|was|were)\\s+(?:the\\s+|an?\\s+)?)?"
        + "(?:(?!(?:is|are|was|were|does|do|did|must|should|shall|will|would|can|could|may|the)\\b)\\w+\\s+){0,2}?";
  }

  private final Pattern asked;
  private final Pattern found;

  AnswerType(String asked, String found) {
    this.asked = Pattern.compile(asked, Pattern.CASE_INSENSITIVE);
    this.found = Pattern.compile(found, Pattern.CASE_INSENSITIVE);
  }

  /** The first kind (in declaration order) whose wording the question uses; {@link #NONE} otherwise. */
  public static AnswerType of(String question) {
    String q = question.strip().replaceAll("\\s+", " ");
    for (AnswerType t : values()) {
      if (t.asked.matcher(q).find()) {
        return t;
      }
    }
    return NONE;
  }

  /** What a text holding this kind of answer says (never matches for {@link #NONE}). */
  Pattern found() {
    return found;
  }

  /** Whether the text holds this kind of answer (always false for {@link #NONE}). */
  public boolean foundIn(String text) {
    return this != NONE && found.matcher(text).find();
  }
}
