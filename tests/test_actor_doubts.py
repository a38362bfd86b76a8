"""Reasons to doubt an actor: each read from how the text uses the name, one test each."""

from __future__ import annotations

from dataclasses import dataclass, field

from hemeroteca.catalogue.authorities import Actor, Authorities
from hemeroteca.doubts import shown, weakness
from hemeroteca.extract.actor_doubts import actor_doubts
from hemeroteca.extract.actors import find_actors

NONE = Authorities()
SEBRAE = Authorities(
    actors=(
        Actor(
            "Serviço Brasileiro de Apoio às Micro e Pequenas Empresas",
            "organization",
            aliases=("Sebrae",),
        ),
    )
)


def reasons(text: str, title: str = "", authorities: Authorities = NONE) -> dict[str, set[str]]:
    """Each actor found and the codes of its reasons (``text`` starts with ``title`` when given)."""
    found = find_actors(f"{title}\n{text}" if title else text, authorities, title)
    return {a.name: {d.code for d in a.doubts} for a in found}


@dataclass
class Named:
    """An actor as the extractor hands it over (``actor_doubts.Found``)."""

    name: str
    mentions: list[int]
    type: str = "organization"
    aliases: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=lambda: ["authority file"])
    canonical: bool = True


LEAD = "Ana Ruiz, directora de la Cooperativa Andina, anunció ayer un plan de créditos.\n\n"


def test_an_organisation_acting_in_the_lead_beside_its_spokeswoman_is_not_doubted() -> None:
    text = f"{LEAD}La Cooperativa Andina prestará 3 millones.\n\nEl plan empieza en junio."
    assert reasons(text)["Cooperativa Andina"] == set()


def test_named_in_one_sentence_late_and_with_nobody_for_it() -> None:
    text = f"{LEAD}El plan empieza en junio.\n\nEl Banco del Sur aportará la mitad de los fondos."
    assert reasons(text)["Banco del Sur"] == {"actor-named-once", "actor-late", "actor-no-person"}


def test_an_acronym_in_brackets_is_no_second_mention() -> None:
    text = f"{LEAD}El plan empieza en junio.\n\nEl Banco del Sur (BDS) aportará la mitad."
    assert "actor-named-once" in reasons(text)["Banco del Sur"]


def test_the_headline_counts_as_a_second_mention_and_as_the_lead() -> None:
    found = reasons(f"{LEAD}El plan empieza.\n\nEl Banco del Sur aportará.", "El Banco del Sur presta a Lima")
    assert not found["Banco del Sur"] & {"actor-named-once", "actor-late"}


def test_only_after_a_preposition_and_only_as_a_complement() -> None:
    found = reasons(
        "Loans came with support of the Island Development Bank.\n\n"
        "Farmers wrote to the Island Development Bank."
    )
    assert "actor-never-acts" in found["Island Development Bank"]
    assert "actor-only-complement" not in found["Island Development Bank"]  # "to the" is no complement
    found = reasons("The branch of the Farm Bank grew, and the loans of the Farm Bank doubled.")
    assert found["Farm Bank"] >= {"actor-never-acts", "actor-only-complement"}
    # the body a person's title names is no complement to doubt: the person speaks for it
    found = reasons("Jane Roe, chief of the Farm Bank, said the branch of the Farm Bank grew.")
    assert not found["Farm Bank"] & {"actor-never-acts", "actor-only-complement", "actor-no-person"}
    # the subject of a sentence is neither
    found = reasons("The Farm Bank lent more, said Jane Roe, chief of the Farm Bank.")
    assert not found["Farm Bank"] & {"actor-never-acts", "actor-only-complement"}


def test_a_body_that_acts_is_the_subject_of_a_verb_past_its_alias_or_an_apposition() -> None:
    acting = [
        "The Island Development Bank approved new loans, Jane Roe said.",
        "El Banco del Sur (BDS) otorgará créditos a 40 cooperativas, dijo Ana Ruiz.",
        "O Banco do Sul, instituição do Estado, lançou a linha ontem, disse Ana Ruiz.",
    ]
    for text in acting:
        found = reasons(text)
        name = next(n for n in found if "Bank" in n or "Banco" in n)
        assert "actor-never-acts" not in found[name], text


def test_a_body_named_only_as_context_never_acts() -> None:
    # after a preposition, first of a list of partners: context, not acting
    context = [
        (
            "Jane Roe said the loans, backed by the Island Development Bank, reached 40 firms.",
            "Island Development Bank",
        ),
        (
            "Ana Ruiz dijo que el plan usa datos del Banco del Sur y de la Cámara de Comercio.",
            "Banco del Sur",
        ),
        ("Ana Ruiz disse que o Banco do Sul e a Caixa Rural financiam o plano.", "Banco do Sul"),
    ]
    for text, name in context:
        doubts = actor_doubts(text, 0, [Named(name, [text.index(name)])])[0]
        assert "actor-never-acts" in {d.code for d in doubts}, text
    # a person's name right after it, past a title: someone speaks for it
    found = reasons("He said the Mutual Guarantee Fund Manager Gillian Griffith signed the loans.")
    assert "actor-never-acts" not in found["Mutual Guarantee Fund"]


def test_a_name_ending_on_a_place_after_a_locative_preposition() -> None:
    text = "Ana Ruiz, directora de Cosude en Managua, anunció ayer un plan de créditos."
    doubts = actor_doubts(text, 0, [Named("Cosude en Managua", [text.index("Cosude")])])[0]
    assert [(d.code, d.detail) for d in doubts if d.code == "actor-at-a-place"] == [
        ("actor-at-a-place", "Managua")
    ]
    # "de" + a place is part of many names; a locative before no place is no reason either
    for name in ("Cámara de Comercio de Managua", "Centro en Línea"):
        doubts = actor_doubts(f"La {name} abrió.", 0, [Named(name, [3])])[0]
        assert "actor-at-a-place" not in {d.code for d in doubts}


def test_a_name_joined_to_a_capitalised_word_may_start_earlier() -> None:
    text = "Grants came from its Culture and Creative Industries Fund (CIIF) this year, said Jane Roe."
    cut = Named("Creative Industries Fund", [text.index("Creative")], canonical=False)
    whole = Named("Culture and Creative Industries Fund", [text.index("Culture")], canonical=False)
    (cut_doubts,) = actor_doubts(text, 0, [cut])
    (whole_doubts,) = actor_doubts(text, 0, [whole])
    assert "actor-joined-before" in {d.code for d in cut_doubts}
    assert "actor-joined-before" not in {d.code for d in whole_doubts}


def codes(text: str, *actors: Named) -> list[set[str]]:
    return [{d.code for d in doubts} for doubts in actor_doubts(text, 0, list(actors))]


def test_a_name_that_runs_on_into_more_of_a_name() -> None:
    text = "The OAS Department of Economic Development helped. Officials from 11 OAS Member States came."
    oas = Named("Organization of American States", [4, text.index("OAS M")], aliases=["OAS"])
    assert "actor-runs-on" in codes(text, oas)[0]
    # once on its own is enough not to doubt it
    text = "Funds came from Sebrae Minas and the Sebrae team."
    sebrae = Named("Serviço Brasileiro de Apoio", [16, text.index("Sebrae team")], aliases=["Sebrae"])
    assert "actor-runs-on" not in codes(text, sebrae)[0]
    # a role title and a person after the name are no longer name
    text = "The Mutual Guarantee Fund Manager Gillian Griffith said loans grew."
    fund = Named("Mutual Guarantee Fund", [4], canonical=False)
    griffith = Named("Gillian Griffith", [text.index("Gillian")], type="person", canonical=False)
    assert "actor-runs-on" not in codes(text, fund, griffith)[0]


def test_a_name_followed_by_a_year_is_an_event() -> None:
    text = "Producers will exhibit at BioFach 2023 in Nuremberg with support of the Export Agency."
    fair = Named("BioFach", [text.index("BioFach")], canonical=False)
    agency = Named("Export Agency", [text.index("Export")], canonical=False)
    assert ["actor-with-a-year" in found for found in codes(text, fair, agency)] == [True, False]


def test_a_name_alone_on_its_lines_is_furniture() -> None:
    text = "Island Information Services\n\nNASSAU — The Farm Bank signed a loan, said Jane Roe."
    masthead = Named("Island Information Services", [0], canonical=False)
    bank = Named("Farm Bank", [text.index("Farm Bank")], canonical=False)
    on_its_line, in_prose = actor_doubts(text, 0, [masthead, bank])
    assert "actor-alone-on-its-line" in {d.code for d in on_its_line}
    assert "actor-alone-on-its-line" not in {d.code for d in in_prose}


def test_a_name_only_inside_another_actor_s_name() -> None:
    text = "O Sebrae em Alagoas assinou o acordo. O Sebrae em Alagoas vai apoiar 20 empresas."
    unit = Named("Sebrae em Alagoas", [2, 40], canonical=False)
    parent = Named("Serviço Brasileiro de Apoio", [2, 40], aliases=["Sebrae"])
    parent_doubts, unit_doubts = actor_doubts(text, 0, [parent, unit])
    assert "actor-inside-another" in {d.code for d in parent_doubts}
    assert "actor-inside-another" not in {d.code for d in unit_doubts}


def test_a_body_proposed_beside_its_own_unit() -> None:
    text = "As unidades do Sebrae assinaram. A diretora do Sebrae em Alagoas, Renata Fonseca, falou."
    unit_at = text.index("Sebrae em")
    parent = Named("Serviço Brasileiro de Apoio", [text.index("Sebrae"), unit_at], aliases=["Sebrae"])
    unit = Named("Sebrae em Alagoas", [unit_at], canonical=False)
    other = Named("Banco do Sul", [0], canonical=False)
    found = codes(text, parent, unit, other)
    assert "actor-beside-its-unit" in found[0]
    assert not any("actor-beside-its-unit" in f for f in found[1:])


def test_a_body_whose_name_holds_another_proposed_actor() -> None:
    """Two proposed actors, one holding the other's name or alias as whole words: the longer one is a
    unit, an office or a name run on past the other; the shorter and unrelated ones are not doubted."""
    text = "O BNB financia. A Superintendência do BNB e o BNB em Alagoas, com o Banco Sul e o BNBX, falam."
    bnb = Named("Banco do Nordeste", [text.index("BNB")], aliases=["BNB"])
    office = Named("Superintendência do BNB", [text.index("Superintendência")], canonical=False)
    state = Named("BNB em Alagoas", [text.index("BNB em")], canonical=False)
    other = Named("Banco Sul", [text.index("Banco Sul")], canonical=False)
    glued = Named("BNBX", [text.index("BNBX")], canonical=False)  # not whole words
    found = codes(text, bnb, office, state, other, glued)
    assert ["actor-holds-another" in f for f in found] == [False, True, True, False, False]
    person = Named("Ana BNB Ruiz", [0], type="person")
    assert "actor-holds-another" not in codes(text, bnb, person)[1]


def test_a_name_that_stops_at_a_line_end() -> None:
    found = reasons("Grants came from the Ministry of Trade\nand Industry. The Ministry of Trade said so.")
    assert "actor-cut-at-line-end" in found["Ministry of Trade"]


def test_an_acronym_never_spelled_out_and_a_weak_rule() -> None:
    text = "The PRONAF signed the deal, and the PRONAF line helps farmers, said Jane Roe, the minister."
    found = reasons(text)
    assert "actor-acronym-only" in found["PRONAF"]
    text = "Jane Roe, the minister, thanked the Farm Bank and Aves for the loans."
    aves = Named("Aves", [text.index("Aves")], evidence=["coordinated with 'Farm Bank'"], canonical=False)
    bank = Named(
        "Farm Bank", [text.index("Farm")], evidence=["institutional name: 'Farm Bank'"], canonical=False
    )
    weak, named = codes(text, aves, bank)
    assert "actor-weak-rule" in weak and "actor-weak-rule" not in named


def test_a_one_word_person() -> None:
    text = "Said minister Ruiz, the programme grows, and Ana Ruiz agreed."
    found = codes(text, Named("Ruiz", [14], type="person"), Named("Ana Ruiz", [45], type="person"))
    assert ["person-one-word" in f for f in found] == [True, False]


def test_a_person_whose_name_holds_an_institution_word() -> None:
    ana = Named("Ana Ruiz", [0], type="person", canonical=False)
    piece = Named("Banco Ruiz", [30], type="person", canonical=False)
    camara = Named("Rodrigo Câmara", [60], type="person", canonical=False)
    text = "Ana Ruiz dijo que sí. Luego, Banco Ruiz lo confirmó, y Rodrigo Câmara también."
    found = [{d.code for d in doubts} for doubts in actor_doubts(text, 0, [ana, piece, camara])]
    assert ["person-institution-word" in f for f in found] == [False, True, False]


def test_a_head_of_state_named_once_who_says_nothing() -> None:
    text = (
        "El programa, creado por el presidente Gabriel Boric, presta a las pymes.\n\n"
        "«Crecemos», dijo la ministra Ana Ruiz. Ana Ruiz visitó la feria."
    )
    boric = Named("Gabriel Boric", [text.index("Gabriel")], type="person", canonical=False)
    ruiz = Named("Ana Ruiz", [text.index("Ana"), text.rindex("Ana")], type="person", canonical=False)
    credited, speaking = codes(text, boric, ruiz)
    assert credited == {"person-named-once", "person-silent", "person-head-of-state"}
    assert speaking == set()
    (credited,) = actor_doubts(text, 0, [boric])
    assert shown(credited)  # three weak reasons reach flag_at
    # a state's governor is credited so too: "destacó el interés del gobernador X de impulsar..."
    text = "El secretario destacó el interés del gobernador Luis Ramírez de impulsar el crédito."
    (governor,) = actor_doubts(text, 0, [Named("Luis Ramírez", [text.index("Luis")], type="person")])
    assert "person-head-of-state" in {d.code for d in governor}


def test_weak_reasons_add_up_to_a_flag_strong_ones_flag_alone() -> None:
    late = f"{LEAD}El plan empieza en junio.\n\nLos fondos llegan con apoyo del Banco del Sur."
    actor = next(a for a in find_actors(late, NONE) if a.name == "Banco del Sur")
    # named once, late, nobody for it, after a preposition, as a complement: five weak reasons
    assert weakness(actor.doubts)[("actors", "Banco del Sur")] >= 3 and shown(actor.doubts)
    acting = next(
        a for a in find_actors(f"{LEAD}El Banco del Sur aportará fondos.", NONE) if a.name == "Banco del Sur"
    )
    assert shown(acting.doubts) == []


def test_a_person_whose_name_holds_a_word_the_text_writes_in_lower_case() -> None:
    # "Agora" opens a sentence and a programme's name; the text also writes "agora": a common word
    text = "Agora Emprega abre vagas, disse o secretário. O programa agora chega a Natal."
    doubts = actor_doubts(text, 0, [Named("Agora Emprega", [0], type="person")])[0]
    assert ("person-common-word", "Agora") in {(d.code, d.detail) for d in doubts}
    # a name particle ("De", "da") is no common word; a surname the text never writes in lower case
    text = "José Ignacio De Mendiguren dijo que la industria de Buenos Aires crece."
    doubts = actor_doubts(text, 0, [Named("José Ignacio De Mendiguren", [0], type="person")])[0]
    assert "person-common-word" not in {d.code for d in doubts}


def test_a_one_letter_organisation_is_a_fragment() -> None:
    text = "Os itens D e E do edital foram revistos pela Caixa Rural."
    found = actor_doubts(
        text, 0, [Named("D", [text.index("D ")]), Named("Caixa Rural", [text.index("Caixa")])]
    )
    assert "actor-one-letter" in {d.code for d in found[0]}
    assert "actor-one-letter" not in {d.code for d in found[1]}


def test_a_unit_an_event_or_an_instrument_is_not_a_body() -> None:
    cases = {
        "Private Sector Division": "a unit",
        "Congresso da Produção Nacional": "an event",
        "Enhanced Credit Guarantee Fund": "an instrument",
    }
    for name, kind in cases.items():
        text = f"Ana Ruiz said the {name} helps."
        doubts = actor_doubts(text, 0, [Named(name, [text.index(name)])])[0]
        assert ("actor-not-a-body", kind) in {(d.code, d.detail) for d in doubts}, name
    text = "Ana Ruiz said the Caribbean Development Bank helps."
    doubts = actor_doubts(text, 0, [Named("Caribbean Development Bank", [text.index("Caribbean")])])[0]
    assert "actor-not-a-body" not in {d.code for d in doubts}


def test_a_person_whose_name_holds_a_title_misspelt_by_a_letter() -> None:
    # "Minster": a letter short of "Minister", so the title was read as the first word of the name
    text = "Trade Minster Rohan Pires said exports grew."
    name = "Minster Rohan Pires"
    doubts = actor_doubts(text, 0, [Named(name, [text.index("Minster")], type="person")])[0]
    assert ("person-misspelt-title", "Minster") in {(d.code, d.detail) for d in doubts}
    # a given name a letter changed from a title ("Heitor"/"reitor"), or the surname, is no title
    for name in ("Heitor Vasques Lima", "Ana Ministre"):
        text = f"{name} said exports grew."
        doubts = actor_doubts(text, 0, [Named(name, [0], type="person")])[0]
        assert "person-misspelt-title" not in {d.code for d in doubts}, name


def test_two_bodies_joined_by_a_hyphen() -> None:
    text = "El programa Finsur-Bancasa dará créditos, dijo Ana Ruiz, directora del Banco del Sur."
    found = actor_doubts(
        text,
        0,
        [Named("Finsur-Bancasa", [text.index("Finsur")]), Named("Banco del Sur", [text.index("Banco")])],
    )
    assert "actor-hyphen-joined" in {d.code for d in found[0]}
    assert "actor-hyphen-joined" not in {d.code for d in found[1]}
    # a state's code after a body ("Sebrae-AM") is one body
    text = "O Sebrae-AM abriu o edital."
    doubts = actor_doubts(text, 0, [Named("Sebrae-AM", [text.index("Sebrae")])])[0]
    assert "actor-hyphen-joined" not in {d.code for d in doubts}


def test_a_body_every_state_has_named_without_whose_it_is() -> None:
    """"El Consejo de Ministros aprobó", "the Central Bank": which one? The rule-maker or a source,
    and too vague to file; a council or a bank named with its own name is not doubted so."""
    for name in ("Consejo de Ministros", "Central Bank", "Câmara Municipal"):
        text = f"Ana Ruiz dijo que el {name} aprobó la línea."
        doubts = actor_doubts(text, 0, [Named(name, [text.index(name)])])[0]
        assert "actor-generic-body" in {d.code for d in doubts}, name
    for name in ("Central Bank of Barbados", "Consejo Empresarial Mexicano", "Câmara Municipal de Lisboa"):
        text = f"Ana Ruiz dijo que el {name} aprobó la línea."
        doubts = actor_doubts(text, 0, [Named(name, [text.index(name)])])[0]
        assert "actor-generic-body" not in {d.code for d in doubts}, name


def test_a_person_near_no_body_of_the_story_who_does_nothing() -> None:
    """Named in an audience's list ("an audience that included ... Ana Ruiz and ..."), with no body
    of the story near and no verb after the name: someone present, not an actor. One a body is
    named beside, or who is the subject of a verb, is not doubted so."""
    text = "Speaking to an audience that included Ambassador Ana Ruiz and others, the minister said it."
    doubts = actor_doubts(text, 0, [Named("Ana Ruiz", [text.index("Ana")], type="person")])[0]
    assert "person-no-body" in {d.code for d in doubts}
    text = "The director of the Banco del Sur, Ana Ruiz, and others were there."
    found = actor_doubts(
        text,
        0,
        [
            Named("Ana Ruiz", [text.index("Ana")], type="person"),
            Named("Banco del Sur", [text.index("Banco")]),
        ],
    )
    assert "person-no-body" not in {d.code for d in found[0]}
    for text in ("The minister Ana Ruiz, announced the line.", "Ambassador Ana Ruiz opened the fair."):
        doubts = actor_doubts(text, 0, [Named("Ana Ruiz", [text.index("Ana")], type="person")])[0]
        assert "person-no-body" not in {d.code for d in doubts}, text
    # a role title after the name is no verb: "Ana Ruiz, coordinadora de regionales"
    text = "El trabajo estará a cargo de Ana Ruiz, coordinadora de regionales."
    doubts = actor_doubts(text, 0, [Named("Ana Ruiz", [text.index("Ana")], type="person")])[0]
    assert "person-no-body" in {d.code for d in doubts}


def test_a_person_whose_name_holds_a_word_with_a_capital_inside() -> None:
    """"MassChallenge de Boston" taken for a person: a capital after a small letter marks a brand's
    or a body's name; surnames written so ("McLean", "DiMaggio", "MacDonald") are names."""
    text = "La aceleradora MassChallenge de Boston eligió a diez empresas."
    name = "MassChallenge de Boston"
    doubts = actor_doubts(text, 0, [Named(name, [text.index(name)], type="person")])[0]
    assert ("person-inner-capital", "MassChallenge") in {(d.code, d.detail) for d in doubts}
    for name in ("Ana McLean", "Joe DiMaggio", "Rosa MacDonald Ruiz", "Seán O'Neill"):
        text = f"{name} dijo que la línea abre en junio."
        doubts = actor_doubts(text, 0, [Named(name, [0], type="person")])[0]
        assert "person-inner-capital" not in {d.code for d in doubts}, name


def test_a_person_whose_name_opens_like_a_place() -> None:
    """"Ilhas Maurícias" in a list of countries read as a person: a name opening on a word that opens
    places' names is a place; a person's name holding such a word further on is not doubted so."""
    text = "A diretora do Banco Mundial para Moçambique, Ilhas Maurícias e Comores falou."
    doubts = actor_doubts(text, 0, [Named("Ilhas Maurícias", [text.index("Ilhas")], type="person")])[0]
    assert ("person-a-place", "Ilhas") in {(d.code, d.detail) for d in doubts}
    text = "Ana Isla Ruiz dijo que la línea abre en junio."
    doubts = actor_doubts(text, 0, [Named("Ana Isla Ruiz", [0], type="person")])[0]
    assert "person-a-place" not in {d.code for d in doubts}
