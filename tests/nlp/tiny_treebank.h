// A tiny hand-written UD treebank (three sentences) for the parser tests:
// enough to train a model that must reproduce it, and to parse with.
#pragma once

namespace dyad {

inline constexpr const char* kTinyTreebank = R"(# sent_id = t1
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	minister	minister	NOUN	NN	Number=Sing	3	nsubj	_	_
3	visited	visit	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
4	Paris	Paris	PROPN	NNP	Number=Sing	3	obj	_	_
5	on	on	ADP	IN	_	6	case	_	_
6	Monday	Monday	PROPN	NNP	Number=Sing	3	obl:tmod	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t2
1	Rebels	rebel	NOUN	NNS	Number=Plur	2	nsubj	_	_
2	attacked	attack	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	the	the	DET	DT	Definite=Def|PronType=Art	4	det	_	_
4	town	town	NOUN	NN	Number=Sing	2	obj	_	_
5	that	that	PRON	WDT	PronType=Rel	7	nsubj:pass	_	_
6	was	be	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	7	aux:pass	_	_
7	captured	capture	VERB	VBN	Tense=Past|VerbForm=Part|Voice=Pass	4	acl:relcl	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t3
1	He	he	PRON	PRP	Case=Nom|Number=Sing|Person=3|PronType=Prs	2	nsubj	_	_
2	said	say	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	talks	talk	NOUN	NNS	Number=Plur	5	nsubj	_	_
4	would	would	AUX	MD	VerbForm=Fin	5	aux	_	_
5	resume	resume	VERB	VB	VerbForm=Inf	2	ccomp	_	_
6	and	and	CCONJ	CC	_	7	cc	_	_
7	continue	continue	VERB	VB	VerbForm=Inf	5	conj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

)";

}  // namespace dyad
