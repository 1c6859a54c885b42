#!/usr/bin/env python3
"""Writes a synthetic FindTreatment.gov facility-listing export: FICTIONAL rows in the real file's shape.

    scripts/make-findtreatment-export.py [--state MA] [--sites 358] [--seed 1] [-o FILE]
    scripts/make-findtreatment-export.py --national --sites 17000 -o FILE
    scripts/make-findtreatment-export.py --fixture ...     every code in the key set on at least one row

--sites counts the distinct sites with substance-use (SU) rows; the number of rows follows the real
statewide file's proportions (358 SU sites -> 662 rows: 366 SU, 296 MH). Seeded and deterministic:
the same options give the same bytes. A summary goes to stderr.

What is reproduced, from the aggregate facts in docs/findtreatment-format.md (a real MA export,
2025-08-19, described without any real row): the exact 332-column header with its whitespace quirks
("    name1", "n40 "), CRLF line ends and no newline after the last row, quoting only of fields with a
comma (street2); the SU/MH split (~55/45); sites listed in both directories as an SU row and an MH row
sharing name1/street1/city (name2, phone and sometimes the coordinates differ), a few sites with 3-5
rows; each directory's own code set (a code is only ever set on the row types the key's "seen on"
column names; never-set columns stay empty); 19-142 flags per row, median ~68; the mix of services
(telehealth, naloxone, payment, ages, sexes accepted, special programmes, languages including rare
ones, OTPs, office-based buprenorphine, abstinence-only and detox sites, a few sites that do not treat
opioid use disorder); phones with extensions, intake numbers, websites, ALL-CAPS names, ZIP+4, ZIPs
with leading zeros.

Everything is invented: names contain "Example", streets are "Example/Fictional/Sample ... Street",
phone numbers are in the reserved 555-01xx range, websites are on example.org. Town, county and state
names and their rough coordinates are real places, used as places only.
"""
import argparse
import random
import statistics
import sys

# The header exactly as in the real file (4 leading spaces before name1, 1 trailing space after n40).
HEADER = (
    "    name1,name2,street1,street2,city,state,zip,zip4,county,phone,intake_prompt,intake1,intake2,website,"
    "latitude,longitude,type_facility,mh,sa,dt,mm,dm,bum,db,rpn,bu,nxn,vtrl,meth,hh,noop,pain,nmoa,moa,ubn,otp,"
    "psy,rtcc,rtca,ores,ph,omh,cmhc,msmh,ipt,cft,gt,cbt,dbt,idd,at,ect,tele,saca,trc,smon,smpd,smop,hi,res,phdt,"
    "op,rs,rl,rd,od,omb,odt,oit,ort,hid,hit,ct,gh,psyh,vamc,tbg,ih,stg,lccg,ddf,stag,stmh,stdh,hla,jc,carf,ncqa,"
    "coa,hfap,np,sf,md,mc,si,pi,mi,smha,swfs,scjj,sef,osf,clf,csbg,cmhg,vaf,fsa,cit,wi,ss,pa,ah,sp,co,vet,adm,mf,"
    "cj,se,ad,pw,wn,mn,hv,trma,xa,dv,sed,smi,alz,ptsd,tbi,tay,ped,act,icm,cm,cdm,peer,coot,dec,es,fpsy,hs,imr,"
    "ipc,lad,nrt,nsc,prs,stu,sps,semp,sh,tpc,tcc,vrs,adtx,bdtx,cdtx,mdtx,odtx,tgd,ico,gco,fco,mco,twfa,bia,cmi,"
    "moti,ang,mxm,crv,relp,bc,chld,yad,adlt,snr,fem,male,du,duo,acc,acm,acu,baba,ccc,cmha,csaa,daut,dp,dsf,dvfp,"
    "eih,emp,haec,heoh,hivt,isc,itu,mhs,opc,sae,shg,smhd,ssa,ssd,stdt,ta,taec,tbs,bsdm,nu,mu,bwn,bwon,ub,un,"
    "beri,pvtp,pvtn,fqhc,sumh,inpe,rpe,pc,naut,nmaut,acma,pmat,auinpe,aurpe,aupc,dlc,mhiv,mhcv,lfxd,clnd,copsu,"
    "daof,mst,noe,ofd,rc,piec,mdet,voc,hav,hbv,audo,cbhc,chlor,drope,fluph,halop,loxap,perph,pimoz,proch,thiot,"
    "thior,trifl,aripi,asena,brexp,carip,cloza,ilope,luras,olanz,olanzf,palip,queti,rispe,zipra,crt,emdr,kit,"
    "tms,peon,peoff,fg,pcf,pefp,aot,msnh,ipsy,shp,vahc,mmd,antpych,mpep,aim,fed,sotp,dea,mhc,samf,mhpa,hbt,hct,"
    "labt,tod,vapn,vapp,vppd,oudo,nx,fx,mws,f17,f19,f25,f28,f30,f31,f35,f36,f37,f4,f42,f43,f47,f66,f67,f70,f81,"
    "f92,n24,n40 "
)
COLUMNS = HEADER.split(",")
IDENTITY = [c.strip() for c in COLUMNS[:17]]
FLAGS = [c.strip() for c in COLUMNS[17:]]

# The key's "seen on" column: the row types on which each code was ever set in the real file.
SEEN_MH = (
    "mh psy rtcc rtca ores ph omh cmhc msmh ipt cft gt dbt idd at ect phdt stg smha swfs scjj sef osf clf csbg "
    "cmhg vaf cit wi sed smi alz ptsd tbi ped act icm cdm coot dec es fpsy imr lad prs semp sh tpc vrs cbhc chlor "
    "drope fluph halop loxap perph pimoz proch thiot thior trifl aripi asena brexp carip cloza ilope luras olanz "
    "olanzf palip queti rispe zipra crt emdr kit tms peon peoff fg pcf pefp aot ipsy vahc antpych aim mhc labt"
).split()
SEEN_BOTH = (
    "sa cbt tele smon smpd smop hi res op vamc sf md mc si pi mi ss pa ah sp co vet adm mf cj se hv trma dv tay "
    "cm peer hs ipc nrt nsc stu sps tcc chld yad adlt snr hivt itu stdt tbs pvtp pvtn fqhc sumh mst fed hbt hct "
    "vapn vapp vppd nx fx f17 f19 f25 f28 f30 f31 f35 f36 f37 f4 f42 f43 f47 f66 f67 f70 f81 f92 n24 n40"
).split()
SEEN_NEVER = "ubn ct tbg ih ddf msnh shp".split()
SEEN_SU = [c for c in FLAGS if c not in SEEN_MH and c not in SEEN_BOTH and c not in SEEN_NEVER]
ALLOWED = {"SU": set(SEEN_SU) | set(SEEN_BOTH), "MH": set(SEEN_MH) | set(SEEN_BOTH)}

# Opioid-medication codes: none of them on a site that does not treat OUD or uses no medication.
OUD_MEDICATION = "mm dm bum db rpn bu nxn vtrl meth otp ub un bwn bwon beri bsdm mu nu omb sotp pain mws".split()

LANGUAGES = {
    "sp": 0.45, "ah": 0.30, "fx": 0.12, "nx": 0.01, "f17": 0.03, "f19": 0.03, "f25": 0.01, "f28": 0.03,
    "f30": 0.01, "f31": 0.01, "f35": 0.006, "f36": 0.006, "f37": 0.004, "f4": 0.02, "f42": 0.01, "f43": 0.005,
    "f47": 0.01, "f66": 0.01, "f67": 0.06, "f70": 0.03, "f81": 0.01, "f92": 0.03, "n24": 0.003, "n40": 0.003,
}

# Per-row probabilities of the codes not decided by a site's profile (scaled per row by its "richness").
SU_BACKGROUND = {
    "sa": 0.97, "noe": 0.945, "sf": 0.92, "md": 0.88, "mc": 0.55, "si": 0.45, "pi": 0.75,
    "mi": 0.40, "np": 0.03, "fsa": 0.30, "samf": 0.25, "itu": 0.05, "ss": 0.45, "pa": 0.35,
    "stag": 0.90, "stmh": 0.15, "stdh": 0.40, "hla": 0.05, "jc": 0.30, "carf": 0.35, "ncqa": 0.05, "coa": 0.05,
    "hfap": 0.02, "fqhc": 0.06, "co": 0.60, "vet": 0.40, "adm": 0.15, "mf": 0.20, "cj": 0.45, "se": 0.30,
    "ad": 0.10, "pw": 0.35, "hv": 0.30, "trma": 0.55, "xa": 0.35, "dv": 0.35, "tay": 0.30, "copsu": 0.30,
    "stu": 0.80, "cmha": 0.50, "csaa": 0.90, "isc": 0.30, "opc": 0.30, "smhd": 0.70, "ssa": 0.85, "piec": 0.05,
    "mhpa": 0.50, "baba": 0.50, "daut": 0.85, "hivt": 0.30, "stdt": 0.20, "tbs": 0.25, "daof": 0.40, "mst": 0.10,
    "hbt": 0.20, "hct": 0.25, "acc": 0.85, "dp": 0.92, "ofd": 0.50, "peer": 0.60, "hs": 0.35, "emp": 0.25,
    "shg": 0.45, "rc": 0.40, "tcc": 0.50, "ico": 0.97, "gco": 0.85, "fco": 0.70, "mco": 0.35, "haec": 0.40,
    "sae": 0.85, "taec": 0.35, "voc": 0.20, "hav": 0.10, "hbv": 0.12, "tgd": 0.15, "tod": 0.30, "cm": 0.75,
    "ipc": 0.20, "sps": 0.40, "cbt": 0.90, "saca": 0.95, "trc": 0.75, "twfa": 0.55, "bia": 0.70, "cmi": 0.35,
    "moti": 0.90, "ang": 0.35, "mxm": 0.25, "crv": 0.05, "relp": 0.90, "nrt": 0.35, "nsc": 0.15, "mhiv": 0.06,
    "mhcv": 0.08, "mmd": 0.35, "mpep": 0.04, "bc": 0.02, "acu": 0.06, "ccc": 0.03, "dvfp": 0.20, "eih": 0.10,
    "mhs": 0.55, "ssd": 0.35, "ta": 0.25, "sumh": 0.30, "heoh": 0.30, "du": 0.15, "audo": 0.005,
    "nmaut": 0.30, "acma": 0.60, "pmat": 0.40, "acm": 0.30, "dsf": 0.20, "auinpe": 0.12, "aurpe": 0.08,
    "aupc": 0.15, "adlt": 0.98, "yad": 0.92, "snr": 0.88, "chld": 0.12, "vamc": 0.02, "fed": 0.01,
    "hi": 0.03, "gh": 0.04, "psyh": 0.02, "lccg": 0.04,
}
MH_BACKGROUND = {
    "sa": 0.80, "op": 0.85, "phdt": 0.10, "ipt": 0.95, "cft": 0.60, "gt": 0.75, "cbt": 0.95, "dbt": 0.45,
    "idd": 0.50, "at": 0.10, "ect": 0.03, "crt": 0.05, "emdr": 0.25, "kit": 0.01, "tms": 0.03,
    "aim": 0.20, "cit": 0.30, "wi": 0.15, "peon": 0.20, "peoff": 0.15, "sf": 0.90, "md": 0.92, "mc": 0.60,
    "si": 0.40, "pi": 0.80, "mi": 0.45, "smha": 0.30, "swfs": 0.10, "scjj": 0.05, "sef": 0.05, "osf": 0.10,
    "clf": 0.10, "csbg": 0.03, "cmhg": 0.10, "vaf": 0.03, "itu": 0.03, "fg": 0.10, "pcf": 0.05, "ss": 0.35,
    "pa": 0.30, "fqhc": 0.08, "mhc": 0.70, "co": 0.70, "vet": 0.35, "adm": 0.15, "mf": 0.20, "cj": 0.25,
    "se": 0.60, "hv": 0.15, "trma": 0.75, "dv": 0.40, "sed": 0.35, "smi": 0.55, "alz": 0.10, "ptsd": 0.60,
    "tbi": 0.15, "tay": 0.45, "ped": 0.15, "pefp": 0.10, "adlt": 0.90, "yad": 0.85, "snr": 0.75, "chld": 0.45,
    "stu": 0.70, "hivt": 0.05, "stdt": 0.03, "tbs": 0.05, "mst": 0.20, "hbt": 0.03, "hct": 0.05, "labt": 0.25,
    "peer": 0.30, "hs": 0.15, "act": 0.05, "icm": 0.25, "cm": 0.85, "cdm": 0.20, "coot": 0.15, "dec": 0.25,
    "es": 0.30, "fpsy": 0.35, "imr": 0.20, "ipc": 0.25, "lad": 0.05, "prs": 0.10, "sps": 0.75, "semp": 0.08,
    "sh": 0.08, "tpc": 0.02, "vrs": 0.05, "aot": 0.05, "nrt": 0.25, "nsc": 0.10, "tcc": 0.35, "sumh": 0.30,
    "cbhc": 0.10, "vamc": 0.02, "stg": 0.04, "fed": 0.01,
}
ANTIPSYCHOTICS = {
    "chlor": 0.3, "drope": 0.05, "fluph": 0.45, "halop": 0.6, "loxap": 0.2, "perph": 0.3, "pimoz": 0.1,
    "proch": 0.1, "thiot": 0.1, "thior": 0.1, "trifl": 0.15, "aripi": 0.8, "asena": 0.2, "brexp": 0.4,
    "carip": 0.4, "cloza": 0.35, "ilope": 0.1, "luras": 0.6, "olanz": 0.8, "olanzf": 0.2, "palip": 0.5,
    "queti": 0.8, "rispe": 0.8, "zipra": 0.5,
}

# What kind of SU site: (profile, share of SU sites). "noop" sites do not treat opioid use disorder.
SU_PROFILES = [("obot", 0.44), ("otp", 0.10), ("residential", 0.18), ("detox", 0.08), ("abstinence", 0.17),
               ("noop", 0.03)]
# Codes each profile sets: probability per code (1 = always).
PROFILE_CODES = {
    "otp": {"otp": 1, "mm": 1, "meth": 1, "mu": 1, "sotp": 1, "dea": 1, "omb": 1, "op": 1, "ort": 0.9,
            "oit": 0.3, "bu": 0.8, "bum": 0.7, "bwn": 0.7, "bwon": 0.5, "ub": 0.5, "dm": 0.4, "pain": 0.1,
            "moa": 0.6, "nu": 0.3, "nxn": 0.2, "vtrl": 0.3, "oudo": 0.25, "mws": 0.4, "samf": 0.6},
    "obot": {"bu": 1, "bum": 0.9, "ub": 0.8, "bwn": 0.85, "bwon": 0.5, "beri": 0.35, "bsdm": 0.03, "nu": 0.6,
             "nxn": 0.5, "vtrl": 0.5, "rpn": 0.4, "un": 0.4, "moa": 0.8, "op": 1, "ort": 0.95, "oit": 0.5,
             "omb": 0.6, "odt": 0.1, "od": 0.15, "db": 0.15, "dea": 0.3, "oudo": 0.02, "mws": 0.1,
             "lfxd": 0.05, "clnd": 0.15},
    "residential": {"res": 1, "rs": 0.7, "rl": 0.5, "hh": 0.3, "moa": 0.9, "bu": 0.5, "bum": 0.4, "bwn": 0.4,
                    "nu": 0.4, "vtrl": 0.4, "nxn": 0.2, "op": 0.2, "bc": 0.05},
    "detox": {"dt": 1, "rd": 0.7, "hid": 0.3, "hi": 0.3, "od": 0.3, "db": 0.6, "dm": 0.2, "dlc": 0.6,
              "lfxd": 0.4, "clnd": 0.7, "mdet": 0.9, "adtx": 0.95, "bdtx": 0.8, "odtx": 0.95, "cdtx": 0.6,
              "mdtx": 0.6, "bu": 0.7, "bwn": 0.5, "bwon": 0.3, "moa": 0.7, "hit": 0.2, "gh": 0.1, "res": 0.3},
    "abstinence": {"nmoa": 1, "moa": 0.5, "op": 1, "ort": 0.9, "oit": 0.4, "hh": 0.2, "twfa": 0.8},
    "noop": {"noop": 1, "nmoa": 0.5, "op": 1, "ort": 0.9, "du": 0.6, "duo": 0.3, "naut": 0.1, "audo": 0.1},
}
MH_FACILITY_TYPES = [("omh", 0.55), ("cmhc", 0.12), ("msmh", 0.08), ("psy", 0.04), ("ipsy", 0.05),
                     ("rtca", 0.04), ("rtcc", 0.03), ("ores", 0.03), ("ph", 0.03), ("vahc", 0.03)]
# The codes with their "one of" choices: (codes, weights).
SMOKING = (["smon", "smpd", "smop"], [0.45, 0.50, 0.05])
VAPING = (["vapn", "vppd", "vapp", None], [0.40, 0.35, 0.05, 0.20])
OPERATION = {"SU": (["pvtn", "pvtp", "lccg", "vamc", "fed"], [0.60, 0.32, 0.04, 0.03, 0.01]),
             "MH": (["pvtn", "pvtp", "stg", "vamc", "fed"], [0.55, 0.36, 0.05, 0.03, 0.01])}
PRESCRIBER = (["inpe", "rpe", "pc", None], [0.3, 0.2, 0.3, 0.2])

# Places (real towns, rough centres): state, weight (~population share), area codes, towns as
# "town;county;zip;lat;lon". Massachusetts, the default, has more towns than the others.
PLACES = """
MA|7|617 508 413 978 781 774|Boston;Suffolk;02118;42.3389;-71.0700|Worcester;Worcester;01608;42.2626;-71.8023|Springfield;Hampden;01103;42.1015;-72.5898|Lowell;Middlesex;01852;42.6334;-71.3162|Cambridge;Middlesex;02139;42.3736;-71.1097|New Bedford;Bristol;02740;41.6362;-70.9342|Brockton;Plymouth;02301;42.0834;-71.0184|Quincy;Norfolk;02169;42.2529;-71.0023|Lynn;Essex;01901;42.4668;-70.9495|Fall River;Bristol;02720;41.7015;-71.1550|Lawrence;Essex;01840;42.7070;-71.1631|Haverhill;Essex;01830;42.7762;-71.0773|Framingham;Middlesex;01702;42.2793;-71.4162|Pittsfield;Berkshire;01201;42.4501;-73.2454|Northampton;Hampshire;01060;42.3251;-72.6412|Greenfield;Franklin;01301;42.5876;-72.5995|Hyannis;Barnstable;02601;41.6529;-70.2828|Plymouth;Plymouth;02360;41.9584;-70.6673|Taunton;Bristol;02780;41.9001;-71.0898|Fitchburg;Worcester;01420;42.5834;-71.8023|Salem;Essex;01970;42.5195;-70.8967|Gloucester;Essex;01930;42.6159;-70.6620|Holyoke;Hampden;01040;42.2043;-72.6162|Chicopee;Hampden;01013;42.1487;-72.6079|Westfield;Hampden;01085;42.1251;-72.7495|Attleboro;Bristol;02703;41.9445;-71.2856|Marlborough;Middlesex;01752;42.3459;-71.5523|Woburn;Middlesex;01801;42.4793;-71.1523|Somerville;Middlesex;02143;42.3876;-71.0995|Malden;Middlesex;02148;42.4251;-71.0662|Chelsea;Suffolk;02150;42.3918;-71.0328|Dorchester;Suffolk;02124;42.3016;-71.0676|Jamaica Plain;Suffolk;02130;42.3097;-71.1151|Falmouth;Barnstable;02540;41.5515;-70.6148|Amherst;Hampshire;01002;42.3732;-72.5199|Athol;Worcester;01331;42.5959;-72.2268|Southbridge;Worcester;01550;42.0751;-72.0334|Oak Bluffs;Dukes;02557;41.4543;-70.5617|Nantucket;Nantucket;02554;41.2835;-70.0995|North Adams;Berkshire;01247;42.7009;-73.1087|Weymouth;Norfolk;02188;42.2181;-70.9410|Dedham;Norfolk;02026;42.2418;-71.1662|Waltham;Middlesex;02451;42.3765;-71.2356|Leominster;Worcester;01453;42.5251;-71.7598|Milford;Worcester;01757;42.1398;-71.5162|Wareham;Plymouth;02571;41.7615;-70.7192|Beverly;Essex;01915;42.5584;-70.8800|Peabody;Essex;01960;42.5279;-70.9287|Methuen;Essex;01844;42.7262;-71.1909|Ware;Hampshire;01082;42.2598;-72.2398
AL|5|205 334 251 256|Birmingham;Jefferson;35203;33.5186;-86.8104|Montgomery;Montgomery;36104;32.3792;-86.3077|Mobile;Mobile;36602;30.6954;-88.0399|Huntsville;Madison;35801;34.7304;-86.5861
AK|0.7|907|Anchorage;Anchorage;99501;61.2181;-149.9003|Fairbanks;Fairbanks North Star;99701;64.8378;-147.7164|Juneau;Juneau;99801;58.3019;-134.4197|Bethel;Bethel;99559;60.7922;-161.7558
AZ|7|602 520 928 480|Phoenix;Maricopa;85004;33.4484;-112.0740|Tucson;Pima;85701;32.2226;-110.9747|Flagstaff;Coconino;86001;35.1983;-111.6513|Mesa;Maricopa;85201;33.4152;-111.8315|Yuma;Yuma;85364;32.6927;-114.6277
AR|3|501 479 870|Little Rock;Pulaski;72201;34.7465;-92.2896|Fayetteville;Washington;72701;36.0626;-94.1574|Jonesboro;Craighead;72401;35.8423;-90.7043|Fort Smith;Sebastian;72901;35.3859;-94.3985
CA|39|213 415 619 916 559 510 408 661 951 707 530 562|Los Angeles;Los Angeles;90012;34.0522;-118.2437|San Francisco;San Francisco;94103;37.7749;-122.4194|San Diego;San Diego;92101;32.7157;-117.1611|Sacramento;Sacramento;95814;38.5816;-121.4944|Fresno;Fresno;93721;36.7378;-119.7871|Oakland;Alameda;94612;37.8044;-122.2712|San Jose;Santa Clara;95113;37.3382;-121.8863|Bakersfield;Kern;93301;35.3733;-119.0187|Riverside;Riverside;92501;33.9806;-117.3755|Eureka;Humboldt;95501;40.8021;-124.1637|Redding;Shasta;96001;40.5865;-122.3917|Long Beach;Los Angeles;90802;33.7701;-118.1937
CO|6|303 719 970|Denver;Denver;80202;39.7392;-104.9903|Colorado Springs;El Paso;80903;38.8339;-104.8214|Pueblo;Pueblo;81003;38.2544;-104.6091|Grand Junction;Mesa;81501;39.0639;-108.5506|Fort Collins;Larimer;80521;40.5853;-105.0844
CT|3.6|860 203|Hartford;Hartford;06103;41.7658;-72.6734|New Haven;New Haven;06510;41.3083;-72.9279|Bridgeport;Fairfield;06604;41.1865;-73.1952|Norwich;New London;06360;41.5243;-72.0759|Waterbury;New Haven;06702;41.5582;-73.0515
DE|1|302|Wilmington;New Castle;19801;39.7391;-75.5398|Dover;Kent;19901;39.1582;-75.5244|Georgetown;Sussex;19947;38.6901;-75.3855
DC|0.7|202|Washington;District of Columbia;20001;38.9072;-77.0369
FL|22|305 407 813 904 850 239 561 352|Miami;Miami-Dade;33130;25.7617;-80.1918|Orlando;Orange;32801;28.5383;-81.3792|Tampa;Hillsborough;33602;27.9506;-82.4572|Jacksonville;Duval;32202;30.3322;-81.6557|Tallahassee;Leon;32301;30.4383;-84.2807|Pensacola;Escambia;32502;30.4213;-87.2169|Fort Myers;Lee;33901;26.6406;-81.8723|West Palm Beach;Palm Beach;33401;26.7153;-80.0534|Gainesville;Alachua;32601;29.6516;-82.3248
GA|11|404 912 706 478|Atlanta;Fulton;30303;33.7490;-84.3880|Savannah;Chatham;31401;32.0809;-81.0912|Augusta;Richmond;30901;33.4735;-82.0105|Macon;Bibb;31201;32.8407;-83.6324|Columbus;Muscogee;31901;32.4610;-84.9877
HI|1.4|808|Honolulu;Honolulu;96813;21.3069;-157.8583|Hilo;Hawaii;96720;19.7241;-155.0868|Kahului;Maui;96732;20.8893;-156.4729
ID|1.9|208|Boise;Ada;83702;43.6150;-116.2023|Idaho Falls;Bonneville;83402;43.4917;-112.0339|Coeur d'Alene;Kootenai;83814;47.6777;-116.7805|Pocatello;Bannock;83201;42.8713;-112.4455
IL|12.5|312 217 309 815 618|Chicago;Cook;60602;41.8781;-87.6298|Springfield;Sangamon;62701;39.7817;-89.6501|Peoria;Peoria;61602;40.6936;-89.5890|Rockford;Winnebago;61101;42.2711;-89.0940|Carbondale;Jackson;62901;37.7273;-89.2168|Champaign;Champaign;61820;40.1164;-88.2434
IN|6.8|317 260 812 574|Indianapolis;Marion;46204;39.7684;-86.1581|Fort Wayne;Allen;46802;41.0793;-85.1394|Evansville;Vanderburgh;47708;37.9716;-87.5711|South Bend;St. Joseph;46601;41.6764;-86.2520|Bloomington;Monroe;47404;39.1653;-86.5264
IA|3.2|515 319 563 712|Des Moines;Polk;50309;41.5868;-93.6250|Cedar Rapids;Linn;52401;41.9779;-91.6656|Davenport;Scott;52801;41.5236;-90.5776|Sioux City;Woodbury;51101;42.4963;-96.4049
KS|2.9|316 785 913 620|Wichita;Sedgwick;67202;37.6872;-97.3301|Topeka;Shawnee;66603;39.0473;-95.6752|Kansas City;Wyandotte;66101;39.1142;-94.6275|Garden City;Finney;67846;37.9717;-100.8727
KY|4.5|502 859 270 606|Louisville;Jefferson;40202;38.2527;-85.7585|Lexington;Fayette;40507;38.0406;-84.5037|Bowling Green;Warren;42101;36.9685;-86.4808|Hazard;Perry;41701;37.2495;-83.1932|Pikeville;Pike;41501;37.4793;-82.5188
LA|4.6|504 225 318 337|New Orleans;Orleans;70112;29.9511;-90.0715|Baton Rouge;East Baton Rouge;70801;30.4515;-91.1871|Shreveport;Caddo;71101;32.5252;-93.7502|Lafayette;Lafayette;70501;30.2241;-92.0198
ME|1.5|207|Portland;Cumberland;04101;43.6591;-70.2568|Bangor;Penobscot;04401;44.8012;-68.7778|Lewiston;Androscoggin;04240;44.1004;-70.2148|Augusta;Kennebec;04330;44.3106;-69.7795|Presque Isle;Aroostook;04769;46.6812;-68.0159
MD|6.2|410 301 443|Baltimore;Baltimore City;21201;39.2904;-76.6122|Frederick;Frederick;21701;39.4143;-77.4105|Salisbury;Wicomico;21801;38.3607;-75.5994|Hagerstown;Washington;21740;39.6418;-77.7200|Silver Spring;Montgomery;20910;38.9907;-77.0261
MI|10|313 616 517 810 906 231 269|Detroit;Wayne;48226;42.3314;-83.0458|Grand Rapids;Kent;49503;42.9634;-85.6681|Lansing;Ingham;48933;42.7325;-84.5555|Flint;Genesee;48502;43.0125;-83.6875|Marquette;Marquette;49855;46.5436;-87.3954|Traverse City;Grand Traverse;49684;44.7631;-85.6206|Kalamazoo;Kalamazoo;49007;42.2917;-85.5872
MN|5.7|612 651 218 507|Minneapolis;Hennepin;55401;44.9778;-93.2650|Saint Paul;Ramsey;55101;44.9537;-93.0900|Duluth;Saint Louis;55802;46.7867;-92.1005|Rochester;Olmsted;55901;44.0121;-92.4802|Bemidji;Beltrami;56601;47.4736;-94.8803
MS|2.9|601 228 662|Jackson;Hinds;39201;32.2988;-90.1848|Gulfport;Harrison;39501;30.3674;-89.0928|Tupelo;Lee;38804;34.2576;-88.7034|Hattiesburg;Forrest;39401;31.3271;-89.2903
MO|6.2|314 816 417 573|Saint Louis;Saint Louis City;63101;38.6270;-90.1994|Kansas City;Jackson;64106;39.0997;-94.5786|Springfield;Greene;65806;37.2090;-93.2923|Columbia;Boone;65201;38.9517;-92.3341|Joplin;Jasper;64801;37.0842;-94.5133
MT|1.1|406|Billings;Yellowstone;59101;45.7833;-108.5007|Missoula;Missoula;59802;46.8721;-113.9940|Great Falls;Cascade;59401;47.5002;-111.3008|Helena;Lewis and Clark;59601;46.5891;-112.0391
NE|2|402 308|Omaha;Douglas;68102;41.2565;-95.9345|Lincoln;Lancaster;68508;40.8136;-96.7026|North Platte;Lincoln;69101;41.1403;-100.7601|Scottsbluff;Scotts Bluff;69361;41.8666;-103.6672
NV|3.1|702 775|Las Vegas;Clark;89101;36.1699;-115.1398|Reno;Washoe;89501;39.5296;-119.8138|Elko;Elko;89801;40.8324;-115.7631|Carson City;Carson City;89701;39.1638;-119.7674
NH|1.5|603|Manchester;Hillsborough;03101;42.9956;-71.4548|Concord;Merrimack;03301;43.2081;-71.5376|Nashua;Hillsborough;03060;42.7654;-71.4676|Keene;Cheshire;03431;42.9337;-72.2781|Berlin;Coos;03570;44.4687;-71.1851
NJ|9.3|973 609 856 862 732|Newark;Essex;07102;40.7357;-74.1724|Trenton;Mercer;08608;40.2206;-74.7597|Camden;Camden;08102;39.9259;-75.1196|Paterson;Passaic;07505;40.9168;-74.1718|Atlantic City;Atlantic;08401;39.3643;-74.4229|Toms River;Ocean;08753;39.9537;-74.1979
NM|2.1|505 575|Albuquerque;Bernalillo;87102;35.0844;-106.6504|Santa Fe;Santa Fe;87501;35.6870;-105.9378|Las Cruces;Dona Ana;88001;32.3199;-106.7637|Farmington;San Juan;87401;36.7281;-108.2187|Espanola;Rio Arriba;87532;35.9911;-106.0806
NY|19.5|212 718 347 716 585 315 518 607|New York;New York;10001;40.7128;-74.0060|Brooklyn;Kings;11201;40.6782;-73.9442|Bronx;Bronx;10451;40.8448;-73.8648|Buffalo;Erie;14202;42.8864;-78.8784|Rochester;Monroe;14604;43.1566;-77.6088|Syracuse;Onondaga;13202;43.0481;-76.1474|Albany;Albany;12207;42.6526;-73.7562|Binghamton;Broome;13901;42.0987;-75.9180|Plattsburgh;Clinton;12901;44.6995;-73.4529|Jamaica;Queens;11432;40.7027;-73.7890
NC|10.7|704 919 336 828 910|Charlotte;Mecklenburg;28202;35.2271;-80.8431|Raleigh;Wake;27601;35.7796;-78.6382|Greensboro;Guilford;27401;36.0726;-79.7920|Asheville;Buncombe;28801;35.5951;-82.5515|Wilmington;New Hanover;28401;34.2257;-77.9447|Fayetteville;Cumberland;28301;35.0527;-78.8784
ND|0.8|701|Fargo;Cass;58102;46.8772;-96.7898|Bismarck;Burleigh;58501;46.8083;-100.7837|Minot;Ward;58701;48.2325;-101.2963
OH|12|614 216 513 937 419 330 740|Columbus;Franklin;43215;39.9612;-82.9988|Cleveland;Cuyahoga;44113;41.4993;-81.6944|Cincinnati;Hamilton;45202;39.1031;-84.5120|Dayton;Montgomery;45402;39.7589;-84.1916|Toledo;Lucas;43604;41.6528;-83.5379|Akron;Summit;44308;41.0814;-81.5190|Portsmouth;Scioto;45662;38.7318;-82.9977
OK|4|405 918 580|Oklahoma City;Oklahoma;73102;35.4676;-97.5164|Tulsa;Tulsa;74103;36.1540;-95.9928|Lawton;Comanche;73501;34.6036;-98.3959|Tahlequah;Cherokee;74464;35.9154;-94.9700
OR|4.2|503 541 971 458|Portland;Multnomah;97204;45.5152;-122.6784|Eugene;Lane;97401;44.0521;-123.0868|Salem;Marion;97301;44.9429;-123.0351|Medford;Jackson;97501;42.3265;-122.8756|Bend;Deschutes;97701;44.0582;-121.3153
PA|13|215 412 717 610 814 570 267|Philadelphia;Philadelphia;19107;39.9526;-75.1652|Pittsburgh;Allegheny;15222;40.4406;-79.9959|Harrisburg;Dauphin;17101;40.2732;-76.8867|Allentown;Lehigh;18101;40.6084;-75.4902|Erie;Erie;16501;42.1292;-80.0851|Scranton;Lackawanna;18503;41.4090;-75.6624|Altoona;Blair;16601;40.5187;-78.3947
RI|1.1|401|Providence;Providence;02903;41.8240;-71.4128|Woonsocket;Providence;02895;42.0029;-71.5148|Newport;Newport;02840;41.4901;-71.3128|Warwick;Kent;02886;41.7001;-71.4162
SC|5.2|803 843 864|Columbia;Richland;29201;34.0007;-81.0348|Charleston;Charleston;29401;32.7765;-79.9311|Greenville;Greenville;29601;34.8526;-82.3940|Myrtle Beach;Horry;29577;33.6891;-78.8867
SD|0.9|605|Sioux Falls;Minnehaha;57104;43.5446;-96.7311|Rapid City;Pennington;57701;44.0805;-103.2310|Pierre;Hughes;57501;44.3683;-100.3510
TN|7|615 901 865 423|Nashville;Davidson;37203;36.1627;-86.7816|Memphis;Shelby;38103;35.1495;-90.0490|Knoxville;Knox;37902;35.9606;-83.9207|Chattanooga;Hamilton;37402;35.0456;-85.3097|Johnson City;Washington;37601;36.3134;-82.3535
TX|30|713 214 210 512 915 817 806 361 956 903|Houston;Harris;77002;29.7604;-95.3698|Dallas;Dallas;75201;32.7767;-96.7970|San Antonio;Bexar;78205;29.4241;-98.4936|Austin;Travis;78701;30.2672;-97.7431|El Paso;El Paso;79901;31.7619;-106.4850|Fort Worth;Tarrant;76102;32.7555;-97.3308|Lubbock;Lubbock;79401;33.5779;-101.8552|Corpus Christi;Nueces;78401;27.8006;-97.3964|Amarillo;Potter;79101;35.2220;-101.8313|McAllen;Hidalgo;78501;26.2034;-98.2300|Tyler;Smith;75702;32.3513;-95.3011
UT|3.4|801 435 385|Salt Lake City;Salt Lake;84101;40.7608;-111.8910|Provo;Utah;84601;40.2338;-111.6585|Ogden;Weber;84401;41.2230;-111.9738|Saint George;Washington;84770;37.0965;-113.5684
VT|0.9|802|Burlington;Chittenden;05401;44.4759;-73.2121|Rutland;Rutland;05701;43.6106;-72.9726|Brattleboro;Windham;05301;42.8509;-72.5579|Saint Johnsbury;Caledonia;05819;44.4192;-72.0151
VA|8.6|804 757 540 703 276 434|Richmond;Richmond City;23219;37.5407;-77.4360|Norfolk;Norfolk City;23510;36.8508;-76.2859|Roanoke;Roanoke City;24011;37.2710;-79.9414|Arlington;Arlington;22201;38.8816;-77.0910|Abingdon;Washington;24210;36.7098;-81.9774|Charlottesville;Charlottesville City;22902;38.0293;-78.4767
WA|7.8|206 509 253 360|Seattle;King;98104;47.6062;-122.3321|Spokane;Spokane;99201;47.6588;-117.4260|Tacoma;Pierce;98402;47.2529;-122.4443|Yakima;Yakima;98901;46.6021;-120.5059|Bellingham;Whatcom;98225;48.7519;-122.4787|Vancouver;Clark;98660;45.6387;-122.6615
WV|2|304 681|Charleston;Kanawha;25301;38.3498;-81.6326|Huntington;Cabell;25701;38.4192;-82.4452|Morgantown;Monongalia;26505;39.6295;-79.9559|Beckley;Raleigh;25801;37.7782;-81.1882
WI|5.9|414 608 920 715|Milwaukee;Milwaukee;53202;43.0389;-87.9065|Madison;Dane;53703;43.0731;-89.4012|Green Bay;Brown;54301;44.5133;-88.0133|Eau Claire;Eau Claire;54701;44.8113;-91.4985|Wausau;Marathon;54403;44.9591;-89.6301
WY|0.6|307|Cheyenne;Laramie;82001;41.1400;-104.8202|Casper;Natrona;82601;42.8501;-106.3252|Rock Springs;Sweetwater;82901;41.5875;-109.2029
PR|1.2|787 939|San Juan;San Juan;00901;18.4655;-66.1057|Ponce;Ponce;00730;18.0111;-66.6141|Mayaguez;Mayaguez;00680;18.2013;-67.1397
"""

ORG_WORDS = (
    "Harbor Valley Pine Ridge Riverside Beacon Lantern Summit Meadow Granite Willow Cedar Maple Oak Birch "
    "Lighthouse Bayside Hilltop Northgate Southfield Eastbrook Westwood Clearwater Stonebridge Millbrook "
    "Open Door New Start Fresh Path Second Chance Bridgeway Crossroads Compass Anchor Horizon Sunrise Keystone "
    "Cornerstone Gateway Pathway Landmark Lakeside Brookside Greenfield Fairview Highland Bluebird Redwood "
    "Silver Lake Heritage Liberty Unity Harmony Pioneer Prairie Canyon Mesa Desert Coastal Mountain River Bend"
).split(" ")
ORG_KINDS = [
    "Recovery Center", "Treatment Center", "Wellness Clinic", "Health Services", "Behavioral Health",
    "Counseling Associates", "Recovery Services", "Addiction Services", "Community Health Center",
    "Family Services", "Medical Group", "Comprehensive Treatment Center", "Health Partners", "Recovery House",
    "Outpatient Clinic", "Human Services", "Addiction Medicine", "Care Network", "Behavioral Health Center",
    "Treatment Services",
]
SU_NAME2 = ["Example OTP Unit", "Outpatient Services", "Methadone Program", "Office Based Opioid Treatment",
            "Residential Program", "Detox Unit", "Adolescent Services", "Recovery Services",
            "Substance Use Services", "Addiction Treatment Program", "Bridge Clinic", "Women's Program"]
MH_NAME2 = ["Behavioral Health Services", "Counseling Center", "Mental Health Clinic", "Child and Family Services",
            "Adult Outpatient", "Psychiatric Services", "Crisis Services", "Community Support Program"]
STREET_PREFIX = ["Example", "Fictional", "Sample"]
STREET_WORDS = ("Wharf Birch Mill Harbor Oak Maple Cedar River Summit Meadow Granite Elm Willow Spruce Chestnut "
                "Lake Pine Orchard Bridge Union Depot Canal Quarry Ferry Market Church School Spring").split()
STREET_KINDS = ["Street", "Road", "Avenue", "Lane", "Way", "Drive", "Boulevard", "Place", "Court", "Parkway"]
STREET2 = ["Suite 100", "Suite 200", "Floor 2", "2nd Floor", "Unit 4", "Building B", "Room 12",
           "Building C, Unit 7B", "Suite 300, Floor 3", "Wing A, Room 101", "Lower Level", "Suite 5"]


def parse_places():
    """{state: (weight, [area codes], [(town, county, zip, lat, lon)])} from the PLACES table."""
    places = {}
    for line in PLACES.strip().splitlines():
        state, weight, areas, *towns = line.split("|")
        parsed = []
        for town in towns:
            name, county, zipcode, lat, lon = town.split(";")
            parsed.append((name, county, zipcode, float(lat), float(lon)))
        places[state] = (float(weight), areas.split(), parsed)
    return places


def bump(p, richness):
    """p raised or lowered by a row's richness (1 = as given), staying within 0..1. Near-universal codes
    (telehealth, naloxone, adults...) keep their share whatever the row's richness."""
    return p if p >= 0.9 else 1 - (1 - p) ** richness


def pick(rng, choice):
    codes, weights = choice
    return rng.choices(codes, weights)[0]


def quota(rng, shares, n):
    """n labels in the given shares (largest remainders), shuffled: exact counts, random order."""
    counts = {label: int(share * n) for label, share in shares}
    rest = sorted(shares, key=lambda s: -(s[1] * n - int(s[1] * n)))
    for label, _ in rest[: n - sum(counts.values())]:
        counts[label] += 1
    out = [label for label, _ in shares for _ in range(counts[label])]
    rng.shuffle(out)
    return out


# ---- Sites: who, where, and which rows (directories) each has ------------------------------------

MULTI_SHAPES = [(2, 1), (2, 1), (2, 2), (3, 1), (2, 1), (2, 3), (2, 1)]  # (SU rows, MH rows), 3-5 rows a site


def plan_rows(n_su_sites, fixture):
    """[(SU rows, MH rows)] per site, in the real file's proportions (358 SU sites -> 662 rows)."""
    multi = max(1 if fixture or n_su_sites >= 20 else 0, round(n_su_sites * 7 / 358))
    pairs = round(n_su_sites * 195 / 358)
    su_only = max(0, n_su_sites - pairs - multi)
    shapes = [MULTI_SHAPES[i % len(MULTI_SHAPES)] for i in range(multi)]
    rows_so_far = su_only + 2 * pairs + sum(a + b for a, b in shapes)
    mh_only = max(1 if fixture else 0, round(n_su_sites * 662 / 358) - rows_so_far)
    return [(1, 0)] * su_only + [(1, 1)] * pairs + shapes + [(0, 1)] * mh_only


def org_name(rng, city):
    name = f"Example {rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}"
    roll = rng.random()
    if roll < 0.12:
        name += f" of {city}"
    elif roll < 0.15:
        name = f"Example {rng.choice(ORG_WORDS)} Health / {rng.choice(ORG_KINDS)}"
    elif roll < 0.18:
        initials = "".join(w[0] for w in name.split()[1:])
        name += f" ({initials})"
    if rng.random() < 0.02:
        name = name.upper()
    return name


def website(rng, name):
    roll = rng.random()
    if roll < 0.02:
        return ""
    slug = "-".join(w.lower() for w in name.replace("/", " ").replace("(", "").replace(")", "").split()[1:3])
    scheme = "http://" if rng.random() < 0.87 else "https://"
    host = ("www." if rng.random() < 0.83 else "") + ("Example.ORG" if rng.random() < 0.03 else "example.org")
    shape = rng.random()
    if shape < 0.2:
        path = ""
    elif shape < 0.9:
        path = "/" + slug
    else:
        path = f"/locations/services/{slug}/addiction-treatment-and-recovery-programs/{rng.randint(10, 999)}"
    if path and rng.random() < 0.2:
        path += "/"
    return scheme + host + path


def phone(rng, area, avoid=()):
    while True:
        number = f"{area}-555-01{rng.randint(0, 99):02d}"
        if number not in avoid:
            return number


def with_extension(rng, number, p=0.08):
    return number + f" x{rng.randint(1, 10 ** rng.randint(1, 5) - 1)}" if rng.random() < p else number


def make_site(rng, state, places):
    weight, areas, towns = places[state]
    town, county, zipcode, lat, lon = rng.choice(towns)
    spread = 0.012 if state == "MA" else 0.03
    name = org_name(rng, town)
    street2 = rng.choice(STREET2) if rng.random() < 0.26 else ""
    zip_last = zipcode[:3] + f"{(int(zipcode[3:]) + rng.choice([0, 0, 0, 1, 2, 3, 5, 8])) % 100:02d}"
    return {
        "name1": name,
        "street1": f"{rng.randint(1, 999)} {rng.choice(STREET_PREFIX)} {rng.choice(STREET_WORDS)} "
                   f"{rng.choice(STREET_KINDS)}",
        "street2": street2,
        "city": town, "state": state, "zip": zip_last,
        "zip4": f"{rng.randint(0, 9999):04d}" if rng.random() < 0.053 else "",
        "county": county,
        "phone": phone(rng, rng.choice(areas)),
        "website": website(rng, name),
        "lat": lat + rng.gauss(0, spread), "lon": lon + rng.gauss(0, spread * 1.3),
        "languages": {c for c, p in LANGUAGES.items() if rng.random() < p},
        # Telehealth is a site's service: its SU and MH rows mostly agree (~85% of sites offer it).
        "tele": rng.random() < 0.88,
    }


def coordinates(rng, lat, lon):
    """Plain decimal text, usually 7 decimals, sometimes 3 to 13."""
    digits = 7 if rng.random() < 0.85 else rng.choice([3, 4, 5, 6, 8, 10, 13])
    return f"{lat:.{digits}f}", f"{lon:.{digits}f}"


def identity(rng, site, kind, first_of_site):
    """The 17 identity cells of one row of `site` (kind "SU" or "MH")."""
    name2_pool = SU_NAME2 if kind == "SU" else MH_NAME2
    name2 = rng.choice(name2_pool) if rng.random() < (0.5 if first_of_site else 0.75) else ""
    main = site["phone"]
    if not first_of_site and rng.random() < 0.3:
        main = phone(rng, main[:3], avoid=(main,))
    intake1 = with_extension(rng, phone(rng, main[:3], avoid=(main,)), 0.05) if rng.random() < 0.452 else ""
    intake2_p = 0.3 if intake1 else 0.03
    intake2 = with_extension(rng, phone(rng, main[:3], avoid=(main, intake1)), 0.1) if rng.random() < intake2_p else ""
    prompt = "Intakes" if (intake1 or intake2) and rng.random() < 0.27 else ""
    # A fifth of a site's later rows carry slightly different coordinates.
    if first_of_site:
        site["coords"] = coordinates(rng, site["lat"], site["lon"])
    lat_text, lon_text = site["coords"]
    if not first_of_site and rng.random() < 0.2:
        shift = lambda: rng.uniform(-0.001, 0.001)  # noqa: E731
        lat_text, lon_text = coordinates(rng, site["lat"] + shift(), site["lon"] + shift())
    name1 = site["name1"].upper() if not first_of_site and rng.random() < 0.01 else site["name1"]
    return [name1, name2, site["street1"], site["street2"], site["city"], site["state"], site["zip"], site["zip4"],
            site["county"], with_extension(rng, main) if first_of_site else main, prompt, intake1, intake2,
            site["website"], lat_text, lon_text, kind]


# ---- Flags: each directory's own code set ---------------------------------------------------------

def common_flags(rng, site, kind, richness):
    """Codes both directories set: policies, ownership, languages (the site's, mostly), ages."""
    flags = {pick(rng, SMOKING), pick(rng, VAPING), pick(rng, OPERATION[kind])}
    flags |= {c for c in sorted(site["languages"]) if rng.random() < (1 if kind == "SU" else 0.8)}
    flags.discard(None)
    background = SU_BACKGROUND if kind == "SU" else MH_BACKGROUND
    flags |= {c for c, p in background.items() if rng.random() < (p if c in FLAT else bump(p, richness))}
    if site["tele"] and rng.random() < (0.98 if kind == "SU" else 0.85):
        flags.add("tele")
    if not flags & {"chld", "yad", "adlt", "snr"}:
        flags.add("adlt")
    return flags


def su_flags(rng, site, richness):
    profile = site["profile"]
    flags = common_flags(rng, site, "SU", richness)
    flags |= {c for c, p in PROFILE_CODES[profile].items() if rng.random() < bump(p, richness)}
    if profile in ("otp", "obot", "residential", "detox"):
        flags.add(pick(rng, PRESCRIBER))
        flags.discard(None)
    else:
        flags -= set(OUD_MEDICATION) | {"inpe", "rpe", "pc"}
        if profile == "noop":
            flags -= {"moa", "noe"} if rng.random() < 0.5 else {"moa"}
    sex = site["sex"]
    flags -= {"fem", "male", "wn", "mn", "pw"} if sex != "both" else set()
    if sex == "both":
        flags |= {"fem", "male"}
        flags |= {c for c, p in (("wn", 0.53), ("mn", 0.56)) if rng.random() < p}
    else:
        flags |= {"fem", "wn"} if sex == "fem" else {"male", "mn"}
        if sex == "fem" and rng.random() < 0.5:
            flags.add("pw")
    if rng.random() < 0.03:
        flags.discard("sa")
    return flags


def mh_flags(rng, site, richness):
    flags = common_flags(rng, site, "MH", richness) | {"mh", pick(rng, MH_FACILITY_TYPES_CHOICE)}
    if flags & {"psy", "ipsy"}:
        flags.add("hi")
    if flags & {"rtca", "rtcc", "ores"}:
        flags.add("res")
    if "ph" in flags:
        flags.add("phdt")
    if rng.random() < bump(0.45, richness):
        flags.add("antpych")
        flags |= {c for c, p in ANTIPSYCHOTICS.items() if rng.random() < bump(p, richness)}
    return flags


MH_FACILITY_TYPES_CHOICE = ([c for c, _ in MH_FACILITY_TYPES], [w for _, w in MH_FACILITY_TYPES])
MIN_FLAGS, MAX_FLAGS = 19, 142
# Shares that do not follow a row's richness (the real file's telehealth and naloxone shares are per site).
FLAT = {"sa", "noe"}
RICHNESS_MU, RICHNESS_SIGMA = 0.45, 0.7


def row_flags(rng, site, kind):
    """The set codes of one row: its directory's codes only, 19 to 142 of them."""
    richness = min(8, max(0.25, rng.lognormvariate(RICHNESS_MU, RICHNESS_SIGMA)))
    flags = su_flags(rng, site, richness) if kind == "SU" else mh_flags(rng, site, richness)
    allowed = ALLOWED[kind]
    flags &= allowed
    background = sorted((SU_BACKGROUND if kind == "SU" else MH_BACKGROUND).keys() & allowed)
    while len(flags) < MIN_FLAGS:
        flags.add(rng.choice(background))
    extras = sorted(flags & set(background) - {"sa", "tele", "noe", "fem", "male"})
    rng.shuffle(extras)
    while len(flags) > MAX_FLAGS:
        flags.discard(extras.pop())
    return flags


# ---- The file ---------------------------------------------------------------------------------------

def build_sites(rng, args, places):
    """Sites with their row plan, SU profile and sexes accepted."""
    plan = plan_rows(args.sites, args.fixture)
    states = sorted(places) if args.national else [args.state]
    weights = [places[s][0] for s in states]
    sites = []
    for su_rows, mh_rows in plan:
        site = make_site(rng, rng.choices(states, weights)[0], places)
        site["rows"] = ["SU"] * su_rows + ["MH"] * mh_rows
        sites.append(site)
    su_sites = [s for s in sites if "SU" in s["rows"]]
    for site, profile in zip(su_sites, quota(rng, SU_PROFILES, len(su_sites))):
        site["profile"] = profile
    sexes = [("both", 0.96), ("fem", 0.02), ("male", 0.02)]
    for site, sex in zip(su_sites, quota(rng, sexes, len(su_sites))):
        site["sex"] = sex
    if args.fixture:
        ensure_fixture_sites(su_sites)
    return sites


def ensure_fixture_sites(su_sites):
    """The fixture has, among SU-only sites, one that does not treat OUD, a women-only and a men-only one."""
    su_only = [s for s in su_sites if s["rows"] == ["SU"]]
    for site, profile, sex in zip(su_only, ["noop", "abstinence", "otp"], ["both", "fem", "male"]):
        site["profile"], site["sex"] = profile, sex


def build_rows(rng, sites):
    rows = []
    for site in sites:
        for i, kind in enumerate(site["rows"]):
            rows.append({"cells": identity(rng, site, kind, i == 0), "flags": row_flags(rng, site, kind),
                         "kind": kind, "site": site})
    rows.sort(key=lambda r: (r["cells"][5], r["cells"][0].lower(), r["cells"][4], r["cells"][2], r["kind"]))
    return rows


def ensure_every_code(rng, rows):
    """Fixture mode: every code in the key is set on at least one row of a type that allows it (codes
    never seen set go on any row); the OUD-medication and sex codes only on ordinary SU rows."""
    ordinary = [r for r in rows if r["kind"] == "SU" and r["site"]["profile"] in ("obot", "otp") and
                r["site"]["sex"] == "both"]
    for code in FLAGS:
        if any(code in r["flags"] for r in rows):
            continue
        if code in SEEN_NEVER:
            candidates = rows
        elif code in SEEN_MH:
            candidates = [r for r in rows if r["kind"] == "MH"]
        else:
            candidates = ordinary
        rng.choice(candidates)["flags"].add(code)


def csv_cell(text):
    """Minimal quoting, as the real file: only a field with a comma (or a quote or line break) is quoted."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def render(rows):
    lines = [HEADER]
    for row in rows:
        cells = row["cells"] + ["1" if code in row["flags"] else "" for code in FLAGS]
        lines.append(",".join(csv_cell(c) for c in cells))
    return "\r\n".join(lines).encode("utf-8")


def summary(rows, size):
    counts = sorted(len(r["flags"]) for r in rows)
    su = [r for r in rows if r["kind"] == "SU"]
    def key(row):  # the site key the format notes recommend: name1 + street1 + city, trimmed, any case
        return tuple(row["cells"][i].strip().lower() for i in (0, 2, 4))

    su_sites = {}
    for r in su:
        su_sites.setdefault(key(r), set()).update(r["flags"])
    share = lambda code: sum(code in f for f in su_sites.values()) / max(1, len(su_sites))  # noqa: E731
    unset = [c for c in FLAGS if not any(c in r["flags"] for r in rows)]
    return (
        f"{len(rows)} rows ({len(su)} SU, {len(rows) - len(su)} MH), {len({key(r) for r in rows})} sites, "
        f"{len(su_sites)} with SU rows; {size / 1e6:.2f} MB\n"
        f"flags per row: min {counts[0]}, median {statistics.median(counts):g}, max {counts[-1]}\n"
        f"SU sites: tele {share('tele'):.0%}, noe {share('noe'):.0%}, otp {share('otp'):.0%}, "
        f"noop {sum('noop' in f for f in su_sites.values())}, nmoa {share('nmoa'):.0%}, "
        f"women-only {sum('fem' in f and 'male' not in f for f in su_sites.values())}, "
        f"men-only {sum('male' in f and 'fem' not in f for f in su_sites.values())}\n"
        f"codes never set: {len(unset)} ({' '.join(unset)})"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--state", default="MA", help="two-letter state (default MA)")
    parser.add_argument("--national", action="store_true", help="sites spread over every state, DC and PR")
    parser.add_argument("--sites", type=int, default=358, help="distinct sites with SU rows (default 358)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fixture", action="store_true", help="set every code in the key on at least one row")
    parser.add_argument("-o", "--output", help="file to write (default: stdout)")
    args = parser.parse_args()
    places = parse_places()
    if args.state not in places:
        parser.error(f"--state {args.state}: known states are {' '.join(sorted(places))}")
    if args.sites < 1:
        parser.error("--sites must be at least 1")
    rng = random.Random(args.seed)
    rows = build_rows(rng, build_sites(rng, args, places))
    if args.fixture:
        ensure_every_code(rng, rows)
    data = render(rows)
    if args.output:
        with open(args.output, "wb") as out:
            out.write(data)
    else:
        sys.stdout.buffer.write(data)
    print(summary(rows, len(data)), file=sys.stderr)


if __name__ == "__main__":
    main()
