/// Words that are meant not to pass the French dictionary, allowed only in the question that needs them:
/// misspellings offered as wrong options of a spelling question, a familiar register shown as a mistake,
/// accepted typing variants, and foreign words quoted in a name or a title.
///
/// They are kept here, question by question, rather than in `mots-du-metier.txt`, which would accept them
/// everywhere. `SpellingTests` fails when one of them is no longer used by its question.
let deliberateNonWords: [String: Set<String>] = [
    // Spelling and register exercises: the wrong forms are the point of the question.
    "as-fra-005": ["acceuil", "aceuil", "accueuil", "ue"],
    "as-fra-006": ["papi"],
    "as-fra-012": ["fairons"],
    "as-fra-021": ["dépendence"],
    // Short answer: the hour as candidates type it, besides the typographic « 6 h 20 ».
    "ifsi-conv-015": ["6h20", "06h20"],
    // English names and titles: NEET, One Health, Social Diagnosis, casework, the settlement movement.
    "es-act-010": ["Education", "Employment", "Not"],
    "ifsi-act-029": ["Health", "One"],
    "ass-met-014": ["casework", "Diagnosis"],
    "ass-met-028": ["settlement"],
    "ass-pro-002": ["von"],
]
