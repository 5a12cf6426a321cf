// server — the OpenAPI 3 description of the API, served at /api/openapi.
// docs/openapi.json is the same document (tests/server checks they agree and
// that every routed path is described); edit both together.
#include "dyad/server/server.h"

namespace dyad {

const std::string& ApiServer::OpenApiJson() {
  static const std::string kSpec = R"OPENAPI({
 "openapi": "3.0.3",
 "info": {
  "title": "dyad API",
  "version": "0.1.0",
  "description": "Political event data from news text: events (who did what to whom), dyad time series, the actor network, early-warning alerts, actor profiles, stored documents with evidence spans, and coding a text on the fly. All responses are JSON; errors are {\"error\": {\"status\", \"message\"}}. See docs/api.md."
 },
 "servers": [
  {
   "url": "http://127.0.0.1:8080"
  }
 ],
 "components": {
  "parameters": {
   "actor": {
    "name": "actor",
    "in": "query",
    "description": "Actor code prefix, either side (RUS matches RUS, RUSGOV, RUSMIL...)",
    "schema": {
     "type": "string"
    }
   },
   "source": {
    "name": "source",
    "in": "query",
    "description": "Source actor code prefix",
    "schema": {
     "type": "string"
    }
   },
   "target": {
    "name": "target",
    "in": "query",
    "description": "Target actor code prefix",
    "schema": {
     "type": "string"
    }
   },
   "dyad": {
    "name": "dyad",
    "in": "query",
    "description": "SOURCE,TARGET (same as source= and target=)",
    "schema": {
     "type": "string"
    }
   },
   "both": {
    "name": "both",
    "in": "query",
    "description": "Also match the dyad reversed (target acting on source)",
    "schema": {
     "type": "boolean"
    }
   },
   "code": {
    "name": "code",
    "in": "query",
    "description": "CAMEO event code prefix: 19, 190, 0332",
    "schema": {
     "type": "string",
     "pattern": "^[0-9]{1,4}$"
    }
   },
   "root": {
    "name": "root",
    "in": "query",
    "description": "Comma-separated CAMEO roots: 14,18,19",
    "schema": {
     "type": "string"
    }
   },
   "quad": {
    "name": "quad",
    "in": "query",
    "description": "Comma-separated quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict, 0 neutral",
    "schema": {
     "type": "string"
    }
   },
   "from": {
    "name": "from",
    "in": "query",
    "description": "First day, YYYY-MM-DD (inclusive)",
    "schema": {
     "type": "string",
     "format": "date"
    }
   },
   "to": {
    "name": "to",
    "in": "query",
    "description": "Last day, YYYY-MM-DD (inclusive)",
    "schema": {
     "type": "string",
     "format": "date"
    }
   },
   "q": {
    "name": "q",
    "in": "query",
    "description": "Full-text search over the sentences that report the event (porter stemming; plain words must all match; FTS5 syntax allowed)",
    "schema": {
     "type": "string"
    }
   },
   "doc": {
    "name": "doc",
    "in": "query",
    "description": "Only events reported by this document id",
    "schema": {
     "type": "string"
    }
   },
   "origin": {
    "name": "origin",
    "in": "query",
    "description": "Only events with a mention of this origin",
    "schema": {
     "type": "string",
     "enum": [
      "coded",
      "icews",
      "gdelt",
      "jsonl"
     ]
    }
   },
   "negated": {
    "name": "negated",
    "in": "query",
    "description": "Include negated events (left out by default)",
    "schema": {
     "type": "boolean"
    }
   },
   "min_mentions": {
    "name": "min_mentions",
    "in": "query",
    "description": "Only events with at least this many mentions",
    "schema": {
     "type": "integer",
     "minimum": 0
    }
   },
   "level": {
    "name": "level",
    "in": "query",
    "description": "Actor grouping: country (RUS), sector (country + first sector block: RUSGOV) or code (full code)",
    "schema": {
     "type": "string",
     "enum": [
      "country",
      "sector",
      "code"
     ],
     "default": "country"
    }
   }
  },
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error"
    ],
    "properties": {
     "error": {
      "type": "object",
      "required": [
       "status",
       "message"
      ],
      "properties": {
       "status": {
        "type": "integer"
       },
       "message": {
        "type": "string"
       }
      }
     }
    }
   },
   "Actor": {
    "type": "object",
    "nullable": true,
    "properties": {
     "code": {
      "type": "string",
      "description": "CAMEO actor code; empty for a named actor missing from the dictionaries"
     },
     "country": {
      "type": "string"
     },
     "sector": {
      "type": "string"
     },
     "name": {
      "type": "string"
     }
    }
   },
   "Span": {
    "type": "object",
    "nullable": true,
    "properties": {
     "text": {
      "type": "string"
     },
     "start": {
      "type": "integer",
      "description": "byte offset in the document"
     },
     "end": {
      "type": "integer"
     }
    }
   },
   "Segment": {
    "type": "object",
    "required": [
     "text"
    ],
    "properties": {
     "text": {
      "type": "string"
     },
     "role": {
      "type": "string",
      "enum": [
       "source",
       "target",
       "trigger"
      ]
     }
    }
   },
   "Mention": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "origin": {
      "type": "string",
      "enum": [
       "coded",
       "icews",
       "gdelt",
       "jsonl"
      ]
     },
     "report": {
      "type": "string",
      "description": "document id, ICEWS story or GDELT source URL"
     },
     "doc_id": {
      "type": "string",
      "nullable": true
     },
     "sentence": {
      "type": "integer"
     },
     "article_date": {
      "type": "string"
     },
     "source_span": {
      "$ref": "#/components/schemas/Span"
     },
     "target_span": {
      "$ref": "#/components/schemas/Span"
     },
     "evidence": {
      "type": "object",
      "nullable": true,
      "properties": {
       "text": {
        "type": "string"
       },
       "start": {
        "type": "integer"
       },
       "end": {
        "type": "integer"
       },
       "trigger": {
        "type": "string"
       },
       "trigger_start": {
        "type": "integer"
       },
       "trigger_end": {
        "type": "integer"
       },
       "rule": {
        "type": "string"
       }
      }
     },
     "highlight": {
      "type": "array",
      "description": "the evidence sentence cut into plain and highlighted pieces",
      "items": {
       "$ref": "#/components/schemas/Segment"
      }
     },
     "publisher": {
      "type": "string"
     },
     "url": {
      "type": "string"
     },
     "place": {
      "type": "string"
     },
     "geo": {
      "type": "object",
      "properties": {
       "lat": {
        "type": "number"
       },
       "lon": {
        "type": "number"
       }
      }
     },
     "weight": {
      "type": "object",
      "properties": {
       "mentions": {
        "type": "integer"
       },
       "articles": {
        "type": "integer"
       }
      }
     }
    }
   },
   "Event": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "date": {
      "type": "string",
      "format": "date"
     },
     "source": {
      "$ref": "#/components/schemas/Actor"
     },
     "target": {
      "$ref": "#/components/schemas/Actor"
     },
     "cameo": {
      "type": "string"
     },
     "cameo_root": {
      "type": "string"
     },
     "cameo_name": {
      "type": "string"
     },
     "goldstein": {
      "type": "number"
     },
     "quad_class": {
      "type": "integer"
     },
     "plover": {
      "type": "object",
      "properties": {
       "event": {
        "type": "string"
       },
       "mode": {
        "type": "string"
       },
       "context": {
        "type": "string"
       }
      }
     },
     "negated": {
      "type": "boolean"
     },
     "modality": {
      "type": "string"
     },
     "historical": {
      "type": "boolean"
     },
     "n_mentions": {
      "type": "integer",
      "description": "reports of this event (GDELT rows weighted by NumMentions)"
     },
     "n_articles": {
      "type": "integer",
      "description": "distinct articles/stories reporting it"
     },
     "mentions": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Mention"
      }
     }
    }
   },
   "EventPage": {
    "type": "object",
    "properties": {
     "total": {
      "type": "integer"
     },
     "limit": {
      "type": "integer"
     },
     "offset": {
      "type": "integer"
     },
     "events": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Event"
      }
     }
    }
   },
   "SeriesPoint": {
    "type": "object",
    "properties": {
     "events": {
      "type": "integer"
     },
     "mentions": {
      "type": "integer"
     },
     "neutral": {
      "type": "integer"
     },
     "verbal_cooperation": {
      "type": "integer"
     },
     "material_cooperation": {
      "type": "integer"
     },
     "verbal_conflict": {
      "type": "integer"
     },
     "material_conflict": {
      "type": "integer"
     },
     "cooperation": {
      "type": "integer"
     },
     "conflict": {
      "type": "integer"
     },
     "net_cooperation": {
      "type": "integer"
     },
     "period": {
      "type": "string"
     },
     "goldstein_sum": {
      "type": "number"
     },
     "goldstein_mean": {
      "type": "number"
     }
    }
   },
   "Series": {
    "type": "object",
    "properties": {
     "granularity": {
      "type": "string"
     },
     "points": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SeriesPoint"
      }
     },
     "source": {
      "type": "string"
     },
     "target": {
      "type": "string"
     },
     "actor": {
      "type": "string"
     },
     "both": {
      "type": "boolean"
     }
    }
   },
   "Network": {
    "type": "object",
    "properties": {
     "level": {
      "type": "string"
     },
     "from": {
      "type": "string"
     },
     "to": {
      "type": "string"
     },
     "nodes": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "string"
        },
        "label": {
         "type": "string"
        },
        "events": {
         "type": "integer"
        },
        "cooperation": {
         "type": "integer"
        },
        "conflict": {
         "type": "integer"
        },
        "degree": {
         "type": "integer"
        }
       }
      }
     },
     "edges": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "source": {
         "type": "string"
        },
        "target": {
         "type": "string"
        },
        "events": {
         "type": "integer"
        },
        "mentions": {
         "type": "integer"
        },
        "cooperation": {
         "type": "integer"
        },
        "conflict": {
         "type": "integer"
        },
        "neutral": {
         "type": "integer"
        },
        "net_cooperation": {
         "type": "integer"
        },
        "goldstein_sum": {
         "type": "number"
        },
        "goldstein_mean": {
         "type": "number"
        }
       }
      }
     }
    }
   },
   "CodeCount": {
    "type": "object",
    "properties": {
     "cameo": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "events": {
      "type": "integer"
     }
    }
   },
   "Alerts": {
    "type": "object",
    "properties": {
     "level": {
      "type": "string"
     },
     "as_of": {
      "type": "string"
     },
     "first_week": {
      "type": "string"
     },
     "last_week": {
      "type": "string"
     },
     "data_start": {
      "type": "string"
     },
     "dyads_scored": {
      "type": "integer"
     },
     "alerts": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "source": {
         "type": "string"
        },
        "target": {
         "type": "string"
        },
        "source_label": {
         "type": "string"
        },
        "target_label": {
         "type": "string"
        },
        "week": {
         "type": "string",
         "description": "Monday of the week scored"
        },
        "count": {
         "type": "integer"
        },
        "baseline": {
         "type": "object",
         "properties": {
          "weeks": {
           "type": "integer"
          },
          "mean": {
           "type": "number"
          },
          "sd": {
           "type": "number"
          }
         }
        },
        "model": {
         "type": "string",
         "enum": [
          "poisson",
          "negbin"
         ]
        },
        "p_value": {
         "type": "number"
        },
        "surprise": {
         "type": "number",
         "description": "-log10 p_value; the ranking score"
        },
        "z": {
         "type": "number"
        },
        "ratio": {
         "type": "number"
        },
        "top_codes": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/CodeCount"
         }
        }
       }
      }
     }
    }
   },
   "Actors": {
    "type": "object",
    "properties": {
     "level": {
      "type": "string"
     },
     "actors": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "code": {
         "type": "string"
        },
        "label": {
         "type": "string"
        },
        "events": {
         "type": "integer"
        },
        "as_source": {
         "type": "integer"
        },
        "as_target": {
         "type": "integer"
        },
        "cooperation": {
         "type": "integer"
        },
        "conflict": {
         "type": "integer"
        },
        "first_day": {
         "type": "string"
        },
        "last_day": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "ActorProfile": {
    "type": "object",
    "properties": {
     "code": {
      "type": "string"
     },
     "label": {
      "type": "string"
     },
     "level": {
      "type": "string"
     },
     "events": {
      "type": "integer"
     },
     "as_source": {
      "type": "integer"
     },
     "as_target": {
      "type": "integer"
     },
     "mentions": {
      "type": "integer"
     },
     "first_day": {
      "type": "string"
     },
     "last_day": {
      "type": "string"
     },
     "goldstein_mean_out": {
      "type": "number"
     },
     "goldstein_mean_in": {
      "type": "number"
     },
     "partners": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "code": {
         "type": "string"
        },
        "label": {
         "type": "string"
        },
        "events_out": {
         "type": "integer"
        },
        "events_in": {
         "type": "integer"
        },
        "cooperation": {
         "type": "integer"
        },
        "conflict": {
         "type": "integer"
        },
        "goldstein_mean": {
         "type": "number"
        }
       }
      }
     },
     "top_codes": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/CodeCount"
      }
     },
     "trend": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SeriesPoint"
      }
     },
     "recent": {
      "type": "object",
      "properties": {
       "events": {
        "type": "integer"
       },
       "conflict_share": {
        "type": "number"
       }
      }
     },
     "previous": {
      "type": "object",
      "properties": {
       "events": {
        "type": "integer"
       },
       "conflict_share": {
        "type": "number"
       }
      }
     }
    }
   },
   "Document": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "date": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "url": {
      "type": "string"
     },
     "source": {
      "type": "string"
     },
     "origin": {
      "type": "string"
     },
     "ingested_at": {
      "type": "string"
     },
     "text": {
      "type": "string"
     },
     "sentences": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "index": {
         "type": "integer"
        },
        "start": {
         "type": "integer"
        },
        "end": {
         "type": "integer"
        },
        "text": {
         "type": "string"
        }
       }
      }
     },
     "events": {
      "type": "array",
      "description": "events this document reported, each with this document's mentions",
      "items": {
       "$ref": "#/components/schemas/Event"
      }
     }
    }
   },
   "CodeRequest": {
    "type": "object",
    "required": [
     "text"
    ],
    "properties": {
     "text": {
      "type": "string",
      "maxLength": 100000
     },
     "date": {
      "type": "string",
      "format": "date",
      "description": "article date; default today (UTC)"
     },
     "id": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "store": {
      "type": "boolean",
      "default": false,
      "description": "also store the document and its events (a write: needs the token on a non-loopback bind)"
     }
    }
   },
   "CodeResponse": {
    "type": "object",
    "properties": {
     "document": {
      "type": "object",
      "properties": {
       "id": {
        "type": "string"
       },
       "date": {
        "type": "string"
       },
       "sentences": {
        "type": "array",
        "items": {
         "type": "object"
        }
       }
      }
     },
     "events": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Event"
      }
     },
     "stored": {
      "type": "boolean"
     },
     "store_result": {
      "type": "object"
     }
    }
   },
   "Health": {
    "type": "object",
    "properties": {
     "status": {
      "type": "string"
     },
     "version": {
      "type": "string"
     },
     "schema_version": {
      "type": "integer"
     },
     "documents": {
      "type": "integer"
     },
     "events": {
      "type": "integer"
     },
     "mentions": {
      "type": "integer"
     },
     "first_day": {
      "type": "string"
     },
     "last_day": {
      "type": "string"
     },
     "code_available": {
      "type": "boolean"
     },
     "code_unavailable": {
      "type": "string"
     },
     "writes_need_token": {
      "type": "boolean"
     }
    }
   }
  },
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer",
    "description": "dyad serve --token T; needed for writes on a non-loopback bind and for every POST when a token is set"
   }
  }
 },
 "paths": {
  "/api/health": {
   "get": {
    "summary": "Server and database status",
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Health"
        }
       }
      }
     },
     "500": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/events": {
   "get": {
    "summary": "Events, filtered and paged",
    "parameters": [
     {
      "$ref": "#/components/parameters/actor"
     },
     {
      "$ref": "#/components/parameters/source"
     },
     {
      "$ref": "#/components/parameters/target"
     },
     {
      "$ref": "#/components/parameters/dyad"
     },
     {
      "$ref": "#/components/parameters/both"
     },
     {
      "$ref": "#/components/parameters/code"
     },
     {
      "$ref": "#/components/parameters/root"
     },
     {
      "$ref": "#/components/parameters/quad"
     },
     {
      "$ref": "#/components/parameters/from"
     },
     {
      "$ref": "#/components/parameters/to"
     },
     {
      "$ref": "#/components/parameters/q"
     },
     {
      "$ref": "#/components/parameters/doc"
     },
     {
      "$ref": "#/components/parameters/origin"
     },
     {
      "$ref": "#/components/parameters/negated"
     },
     {
      "$ref": "#/components/parameters/min_mentions"
     },
     {
      "name": "sort",
      "in": "query",
      "description": "Order",
      "schema": {
       "type": "string",
       "enum": [
        "-date",
        "date",
        "-mentions"
       ],
       "default": "-date"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "description": "Page size",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     },
     {
      "name": "offset",
      "in": "query",
      "description": "Rows to skip",
      "schema": {
       "type": "integer",
       "minimum": 0,
       "default": 0
      }
     },
     {
      "name": "mentions",
      "in": "query",
      "description": "Mentions per event (evidence first)",
      "schema": {
       "type": "integer",
       "minimum": 0,
       "maximum": 20,
       "default": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventPage"
        }
       }
      }
     },
     "400": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/events/{id}": {
   "get": {
    "summary": "One event with up to 20 mentions",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "description": "Event id",
      "schema": {
       "type": "integer"
      },
      "required": true
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Event"
        }
       }
      }
     },
     "404": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/series": {
   "get": {
    "summary": "Time series of a dyad (source/target) or an actor: counts per quad class, Goldstein sum and mean, net cooperation",
    "parameters": [
     {
      "$ref": "#/components/parameters/actor"
     },
     {
      "$ref": "#/components/parameters/source"
     },
     {
      "$ref": "#/components/parameters/target"
     },
     {
      "$ref": "#/components/parameters/dyad"
     },
     {
      "$ref": "#/components/parameters/both"
     },
     {
      "$ref": "#/components/parameters/code"
     },
     {
      "$ref": "#/components/parameters/root"
     },
     {
      "$ref": "#/components/parameters/quad"
     },
     {
      "$ref": "#/components/parameters/from"
     },
     {
      "$ref": "#/components/parameters/to"
     },
     {
      "$ref": "#/components/parameters/q"
     },
     {
      "$ref": "#/components/parameters/doc"
     },
     {
      "$ref": "#/components/parameters/origin"
     },
     {
      "$ref": "#/components/parameters/negated"
     },
     {
      "$ref": "#/components/parameters/min_mentions"
     },
     {
      "name": "granularity",
      "in": "query",
      "description": "Bucket size",
      "schema": {
       "type": "string",
       "enum": [
        "day",
        "week",
        "month"
       ],
       "default": "week"
      }
     },
     {
      "name": "fill",
      "in": "query",
      "description": "Emit empty periods between the first and last (default true)",
      "schema": {
       "type": "boolean"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Series"
        }
       }
      }
     },
     "400": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/network": {
   "get": {
    "summary": "Actor network over a window: directed edges weighted by cooperation and conflict",
    "parameters": [
     {
      "$ref": "#/components/parameters/actor"
     },
     {
      "$ref": "#/components/parameters/source"
     },
     {
      "$ref": "#/components/parameters/target"
     },
     {
      "$ref": "#/components/parameters/dyad"
     },
     {
      "$ref": "#/components/parameters/both"
     },
     {
      "$ref": "#/components/parameters/code"
     },
     {
      "$ref": "#/components/parameters/root"
     },
     {
      "$ref": "#/components/parameters/quad"
     },
     {
      "$ref": "#/components/parameters/from"
     },
     {
      "$ref": "#/components/parameters/to"
     },
     {
      "$ref": "#/components/parameters/q"
     },
     {
      "$ref": "#/components/parameters/doc"
     },
     {
      "$ref": "#/components/parameters/origin"
     },
     {
      "$ref": "#/components/parameters/negated"
     },
     {
      "$ref": "#/components/parameters/min_mentions"
     },
     {
      "$ref": "#/components/parameters/level"
     },
     {
      "name": "max_nodes",
      "in": "query",
      "description": "Keep the most active actors",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 40
      }
     },
     {
      "name": "min_events",
      "in": "query",
      "description": "Drop lighter edges",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "default": 1
      }
     },
     {
      "name": "self",
      "in": "query",
      "description": "Keep edges from an actor to itself",
      "schema": {
       "type": "boolean"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Network"
        }
       }
      }
     },
     "400": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/alerts": {
   "get": {
    "summary": "Early warning: dyads whose weekly conflict count rises above their own trailing baseline, ranked by surprise (docs/analytics.md)",
    "parameters": [
     {
      "$ref": "#/components/parameters/actor"
     },
     {
      "$ref": "#/components/parameters/source"
     },
     {
      "$ref": "#/components/parameters/target"
     },
     {
      "$ref": "#/components/parameters/dyad"
     },
     {
      "$ref": "#/components/parameters/both"
     },
     {
      "$ref": "#/components/parameters/code"
     },
     {
      "$ref": "#/components/parameters/root"
     },
     {
      "$ref": "#/components/parameters/quad"
     },
     {
      "$ref": "#/components/parameters/from"
     },
     {
      "$ref": "#/components/parameters/to"
     },
     {
      "$ref": "#/components/parameters/q"
     },
     {
      "$ref": "#/components/parameters/doc"
     },
     {
      "$ref": "#/components/parameters/origin"
     },
     {
      "$ref": "#/components/parameters/negated"
     },
     {
      "$ref": "#/components/parameters/min_mentions"
     },
     {
      "$ref": "#/components/parameters/level"
     },
     {
      "name": "as_of",
      "in": "query",
      "description": "Last day considered (default: the latest event day)",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "weeks",
      "in": "query",
      "description": "Weeks scored, ending with as_of's week",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 520,
       "default": 4
      }
     },
     {
      "name": "baseline",
      "in": "query",
      "description": "Trailing weeks per baseline",
      "schema": {
       "type": "integer",
       "minimum": 2,
       "maximum": 520,
       "default": 12
      }
     },
     {
      "name": "min_baseline",
      "in": "query",
      "description": "Fewer weeks of data before the week: not scored",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "default": 4
      }
     },
     {
      "name": "min_count",
      "in": "query",
      "description": "Minimum conflict events in the week",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "default": 3
      }
     },
     {
      "name": "min_surprise",
      "in": "query",
      "description": "Minimum -log10 p",
      "schema": {
       "type": "number",
       "minimum": 0,
       "default": 2
      }
     },
     {
      "name": "limit",
      "in": "query",
      "description": "Most alerts returned",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 50
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Alerts"
        }
       }
      }
     },
     "400": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/actors": {
   "get": {
    "summary": "Actors by activity, optionally searched by code prefix or name",
    "parameters": [
     {
      "$ref": "#/components/parameters/actor"
     },
     {
      "$ref": "#/components/parameters/source"
     },
     {
      "$ref": "#/components/parameters/target"
     },
     {
      "$ref": "#/components/parameters/dyad"
     },
     {
      "$ref": "#/components/parameters/both"
     },
     {
      "$ref": "#/components/parameters/code"
     },
     {
      "$ref": "#/components/parameters/root"
     },
     {
      "$ref": "#/components/parameters/quad"
     },
     {
      "$ref": "#/components/parameters/from"
     },
     {
      "$ref": "#/components/parameters/to"
     },
     {
      "$ref": "#/components/parameters/q"
     },
     {
      "$ref": "#/components/parameters/doc"
     },
     {
      "$ref": "#/components/parameters/origin"
     },
     {
      "$ref": "#/components/parameters/negated"
     },
     {
      "$ref": "#/components/parameters/min_mentions"
     },
     {
      "$ref": "#/components/parameters/level"
     },
     {
      "name": "search",
      "in": "query",
      "description": "Code prefix or part of a name",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "description": "Most actors returned",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 500,
       "default": 100
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Actors"
        }
       }
      }
     },
     "400": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/actors/{code}": {
   "get": {
    "summary": "Actor profile: partners, top event types, monthly trend",
    "parameters": [
     {
      "name": "code",
      "in": "path",
      "description": "Actor code (prefix: RUS covers RUSGOV, RUSMIL...)",
      "schema": {
       "type": "string"
      },
      "required": true
     },
     {
      "$ref": "#/components/parameters/actor"
     },
     {
      "$ref": "#/components/parameters/source"
     },
     {
      "$ref": "#/components/parameters/target"
     },
     {
      "$ref": "#/components/parameters/dyad"
     },
     {
      "$ref": "#/components/parameters/both"
     },
     {
      "$ref": "#/components/parameters/code"
     },
     {
      "$ref": "#/components/parameters/root"
     },
     {
      "$ref": "#/components/parameters/quad"
     },
     {
      "$ref": "#/components/parameters/from"
     },
     {
      "$ref": "#/components/parameters/to"
     },
     {
      "$ref": "#/components/parameters/q"
     },
     {
      "$ref": "#/components/parameters/doc"
     },
     {
      "$ref": "#/components/parameters/origin"
     },
     {
      "$ref": "#/components/parameters/negated"
     },
     {
      "$ref": "#/components/parameters/min_mentions"
     },
     {
      "$ref": "#/components/parameters/level"
     },
     {
      "name": "partners",
      "in": "query",
      "description": "Most partners",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 200,
       "default": 20
      }
     },
     {
      "name": "codes",
      "in": "query",
      "description": "Most event types",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100,
       "default": 10
      }
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ActorProfile"
        }
       }
      }
     },
     "400": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/documents/{id}": {
   "get": {
    "summary": "A stored document with its sentences and the events it reported (evidence spans are byte offsets into text)",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "description": "Document id (URL-encoded)",
      "schema": {
       "type": "string"
      },
      "required": true
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Document"
        }
       }
      }
     },
     "404": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/code": {
   "post": {
    "summary": "Code a text on the fly (annotate + code); optionally store it",
    "security": [
     {},
     {
      "bearer": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CodeRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CodeResponse"
        }
       }
      }
     },
     "400": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "413": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Error",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "503": {
      "description": "Models are not loaded: coding unavailable",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/openapi": {
   "get": {
    "summary": "This document",
    "responses": {
     "200": {
      "description": "OpenAPI 3.0 document",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    }
   }
  }
 }
})OPENAPI";
  return kSpec;
}

}  // namespace dyad
