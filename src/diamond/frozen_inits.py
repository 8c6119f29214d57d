"""The ``__init__`` of every ``@frozen`` class, compiled with the package.

Written by ``python -m diamond.frozen``; do not edit. ``diamond.frozen`` writes each
class's ``__init__`` source and takes the function compiled here from that very text
(the key), so a class changed since is compiled at import as before, never wrong;
``tests/unit/test_frozen.py`` fails until this file is written again.
"""
# mypy: ignore-errors
# ruff: noqa

FACTORIES = {}


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,alpha,alpha_if_deleted,item_total,first_eigen_share):
  __dataclass_builtins_object__.__setattr__(self,'alpha',alpha)
  __dataclass_builtins_object__.__setattr__(self,'alpha_if_deleted',alpha_if_deleted)
  __dataclass_builtins_object__.__setattr__(self,'item_total',item_total)
  __dataclass_builtins_object__.__setattr__(self,'first_eigen_share',first_eigen_share)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,alpha,alpha_if_deleted,item_total,first_eigen_share):\n  __dataclass_builtins_object__.__setattr__(self,'alpha',alpha)\n  __dataclass_builtins_object__.__setattr__(self,'alpha_if_deleted',alpha_if_deleted)\n  __dataclass_builtins_object__.__setattr__(self,'item_total',item_total)\n  __dataclass_builtins_object__.__setattr__(self,'first_eigen_share',first_eigen_share)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,assessed,items,counts):
  __dataclass_builtins_object__.__setattr__(self,'assessed',assessed)
  __dataclass_builtins_object__.__setattr__(self,'items',items)
  __dataclass_builtins_object__.__setattr__(self,'counts',counts)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,assessed,items,counts):\n  __dataclass_builtins_object__.__setattr__(self,'assessed',assessed)\n  __dataclass_builtins_object__.__setattr__(self,'items',items)\n  __dataclass_builtins_object__.__setattr__(self,'counts',counts)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,change,respondent,score_without,sole_respondent):
  __dataclass_builtins_object__.__setattr__(self,'change',change)
  __dataclass_builtins_object__.__setattr__(self,'respondent',respondent)
  __dataclass_builtins_object__.__setattr__(self,'score_without',score_without)
  __dataclass_builtins_object__.__setattr__(self,'sole_respondent',sole_respondent)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,change,respondent,score_without,sole_respondent):\n  __dataclass_builtins_object__.__setattr__(self,'change',change)\n  __dataclass_builtins_object__.__setattr__(self,'respondent',respondent)\n  __dataclass_builtins_object__.__setattr__(self,'score_without',score_without)\n  __dataclass_builtins_object__.__setattr__(self,'sole_respondent',sole_respondent)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,code,subjects,message):
  __dataclass_builtins_object__.__setattr__(self,'code',code)
  __dataclass_builtins_object__.__setattr__(self,'subjects',subjects)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,code,subjects,message):\n  __dataclass_builtins_object__.__setattr__(self,'code',code)\n  __dataclass_builtins_object__.__setattr__(self,'subjects',subjects)\n  __dataclass_builtins_object__.__setattr__(self,'message',message)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,count,weighted):
  __dataclass_builtins_object__.__setattr__(self,'count',count)
  __dataclass_builtins_object__.__setattr__(self,'weighted',weighted)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,count,weighted):\n  __dataclass_builtins_object__.__setattr__(self,'count',count)\n  __dataclass_builtins_object__.__setattr__(self,'weighted',weighted)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,dimension,indicators,actions):
  __dataclass_builtins_object__.__setattr__(self,'dimension',dimension)
  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)
  __dataclass_builtins_object__.__setattr__(self,'actions',actions)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,dimension,indicators,actions):\n  __dataclass_builtins_object__.__setattr__(self,'dimension',dimension)\n  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)\n  __dataclass_builtins_object__.__setattr__(self,'actions',actions)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,dimension,pairs,available):
  __dataclass_builtins_object__.__setattr__(self,'dimension',dimension)
  __dataclass_builtins_object__.__setattr__(self,'pairs',pairs)
  __dataclass_builtins_object__.__setattr__(self,'available',available)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,dimension,pairs,available):\n  __dataclass_builtins_object__.__setattr__(self,'dimension',dimension)\n  __dataclass_builtins_object__.__setattr__(self,'pairs',pairs)\n  __dataclass_builtins_object__.__setattr__(self,'available',available)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,dimensions,overall):
  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)
  __dataclass_builtins_object__.__setattr__(self,'overall',overall)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,dimensions,overall):\n  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)\n  __dataclass_builtins_object__.__setattr__(self,'overall',overall)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,first,total,variance,sample):
  __dataclass_builtins_object__.__setattr__(self,'first',first)
  __dataclass_builtins_object__.__setattr__(self,'total',total)
  __dataclass_builtins_object__.__setattr__(self,'variance',variance)
  __dataclass_builtins_object__.__setattr__(self,'sample',sample)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,first,total,variance,sample):\n  __dataclass_builtins_object__.__setattr__(self,'first',first)\n  __dataclass_builtins_object__.__setattr__(self,'total',total)\n  __dataclass_builtins_object__.__setattr__(self,'variance',variance)\n  __dataclass_builtins_object__.__setattr__(self,'sample',sample)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,id,kind,text,serves):
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'serves',serves)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,id,kind,text,serves):\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'serves',serves)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,id,kind,text,serves,status):
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'serves',serves)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,id,kind,text,serves,status):\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'serves',serves)\n  __dataclass_builtins_object__.__setattr__(self,'status',status)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,id,label):
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'label',label)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,id,label):\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'label',label)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,id,metric,comparison,threshold,subject,bands,message):
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'metric',metric)
  __dataclass_builtins_object__.__setattr__(self,'comparison',comparison)
  __dataclass_builtins_object__.__setattr__(self,'threshold',threshold)
  __dataclass_builtins_object__.__setattr__(self,'subject',subject)
  __dataclass_builtins_object__.__setattr__(self,'bands',bands)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,id,metric,comparison,threshold,subject,bands,message):\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'metric',metric)\n  __dataclass_builtins_object__.__setattr__(self,'comparison',comparison)\n  __dataclass_builtins_object__.__setattr__(self,'threshold',threshold)\n  __dataclass_builtins_object__.__setattr__(self,'subject',subject)\n  __dataclass_builtins_object__.__setattr__(self,'bands',bands)\n  __dataclass_builtins_object__.__setattr__(self,'message',message)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,id,number,name,weight,score,band,answered,total,indicators):
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'number',number)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'weight',weight)
  __dataclass_builtins_object__.__setattr__(self,'score',score)
  __dataclass_builtins_object__.__setattr__(self,'band',band)
  __dataclass_builtins_object__.__setattr__(self,'answered',answered)
  __dataclass_builtins_object__.__setattr__(self,'total',total)
  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,id,number,name,weight,score,band,answered,total,indicators):\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'number',number)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'weight',weight)\n  __dataclass_builtins_object__.__setattr__(self,'score',score)\n  __dataclass_builtins_object__.__setattr__(self,'band',band)\n  __dataclass_builtins_object__.__setattr__(self,'answered',answered)\n  __dataclass_builtins_object__.__setattr__(self,'total',total)\n  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,id,quadrants,net):
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'quadrants',quadrants)
  __dataclass_builtins_object__.__setattr__(self,'net',net)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,id,quadrants,net):\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'quadrants',quadrants)\n  __dataclass_builtins_object__.__setattr__(self,'net',net)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,id,respondents,overall,band,dimensions):
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'respondents',respondents)
  __dataclass_builtins_object__.__setattr__(self,'overall',overall)
  __dataclass_builtins_object__.__setattr__(self,'band',band)
  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,id,respondents,overall,band,dimensions):\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'respondents',respondents)\n  __dataclass_builtins_object__.__setattr__(self,'overall',overall)\n  __dataclass_builtins_object__.__setattr__(self,'band',band)\n  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,ids,groups,weights,codes):
  __dataclass_builtins_object__.__setattr__(self,'ids',ids)
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'weights',weights)
  __dataclass_builtins_object__.__setattr__(self,'codes',codes)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,ids,groups,weights,codes):\n  __dataclass_builtins_object__.__setattr__(self,'ids',ids)\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'weights',weights)\n  __dataclass_builtins_object__.__setattr__(self,'codes',codes)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,indicators,dimensions,overall):
  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)
  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)
  __dataclass_builtins_object__.__setattr__(self,'overall',overall)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,indicators,dimensions,overall):\n  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)\n  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)\n  __dataclass_builtins_object__.__setattr__(self,'overall',overall)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,interval,analytic,agreement,reliability,correlation_ratio,effective_weight,nominal_weight):
  __dataclass_builtins_object__.__setattr__(self,'interval',interval)
  __dataclass_builtins_object__.__setattr__(self,'analytic',analytic)
  __dataclass_builtins_object__.__setattr__(self,'agreement',agreement)
  __dataclass_builtins_object__.__setattr__(self,'reliability',reliability)
  __dataclass_builtins_object__.__setattr__(self,'correlation_ratio',correlation_ratio)
  __dataclass_builtins_object__.__setattr__(self,'effective_weight',effective_weight)
  __dataclass_builtins_object__.__setattr__(self,'nominal_weight',nominal_weight)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,interval,analytic,agreement,reliability,correlation_ratio,effective_weight,nominal_weight):\n  __dataclass_builtins_object__.__setattr__(self,'interval',interval)\n  __dataclass_builtins_object__.__setattr__(self,'analytic',analytic)\n  __dataclass_builtins_object__.__setattr__(self,'agreement',agreement)\n  __dataclass_builtins_object__.__setattr__(self,'reliability',reliability)\n  __dataclass_builtins_object__.__setattr__(self,'correlation_ratio',correlation_ratio)\n  __dataclass_builtins_object__.__setattr__(self,'effective_weight',effective_weight)\n  __dataclass_builtins_object__.__setattr__(self,'nominal_weight',nominal_weight)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,keys,counts,weights,indicators,points):
  __dataclass_builtins_object__.__setattr__(self,'keys',keys)
  __dataclass_builtins_object__.__setattr__(self,'counts',counts)
  __dataclass_builtins_object__.__setattr__(self,'weights',weights)
  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)
  __dataclass_builtins_object__.__setattr__(self,'points',points)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,keys,counts,weights,indicators,points):\n  __dataclass_builtins_object__.__setattr__(self,'keys',keys)\n  __dataclass_builtins_object__.__setattr__(self,'counts',counts)\n  __dataclass_builtins_object__.__setattr__(self,'weights',weights)\n  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)\n  __dataclass_builtins_object__.__setattr__(self,'points',points)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,label,counts,respondents):
  __dataclass_builtins_object__.__setattr__(self,'label',label)
  __dataclass_builtins_object__.__setattr__(self,'counts',counts)
  __dataclass_builtins_object__.__setattr__(self,'respondents',respondents)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,label,counts,respondents):\n  __dataclass_builtins_object__.__setattr__(self,'label',label)\n  __dataclass_builtins_object__.__setattr__(self,'counts',counts)\n  __dataclass_builtins_object__.__setattr__(self,'respondents',respondents)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,leave_one_out,weights):
  __dataclass_builtins_object__.__setattr__(self,'leave_one_out',leave_one_out)
  __dataclass_builtins_object__.__setattr__(self,'weights',weights)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,leave_one_out,weights):\n  __dataclass_builtins_object__.__setattr__(self,'leave_one_out',leave_one_out)\n  __dataclass_builtins_object__.__setattr__(self,'weights',weights)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,msb,msw,groups,total):
  __dataclass_builtins_object__.__setattr__(self,'msb',msb)
  __dataclass_builtins_object__.__setattr__(self,'msw',msw)
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'total',total)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,msb,msw,groups,total):\n  __dataclass_builtins_object__.__setattr__(self,'msb',msb)\n  __dataclass_builtins_object__.__setattr__(self,'msw',msw)\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'total',total)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,n,mean,median,variance,rwg,score):
  __dataclass_builtins_object__.__setattr__(self,'n',n)
  __dataclass_builtins_object__.__setattr__(self,'mean',mean)
  __dataclass_builtins_object__.__setattr__(self,'median',median)
  __dataclass_builtins_object__.__setattr__(self,'variance',variance)
  __dataclass_builtins_object__.__setattr__(self,'rwg',rwg)
  __dataclass_builtins_object__.__setattr__(self,'score',score)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,n,mean,median,variance,rwg,score):\n  __dataclass_builtins_object__.__setattr__(self,'n',n)\n  __dataclass_builtins_object__.__setattr__(self,'mean',mean)\n  __dataclass_builtins_object__.__setattr__(self,'median',median)\n  __dataclass_builtins_object__.__setattr__(self,'variance',variance)\n  __dataclass_builtins_object__.__setattr__(self,'rwg',rwg)\n  __dataclass_builtins_object__.__setattr__(self,'score',score)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,name,content):
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'content',content)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,name,content):\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'content',content)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,name,region,period,language,description):
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'region',region)
  __dataclass_builtins_object__.__setattr__(self,'period',period)
  __dataclass_builtins_object__.__setattr__(self,'language',language)
  __dataclass_builtins_object__.__setattr__(self,'description',description)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,name,region,period,language,description):\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'region',region)\n  __dataclass_builtins_object__.__setattr__(self,'period',period)\n  __dataclass_builtins_object__.__setattr__(self,'language',language)\n  __dataclass_builtins_object__.__setattr__(self,'description',description)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,quadrant,position,text,indicator,dimension,importance):
  __dataclass_builtins_object__.__setattr__(self,'quadrant',quadrant)
  __dataclass_builtins_object__.__setattr__(self,'position',position)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'indicator',indicator)
  __dataclass_builtins_object__.__setattr__(self,'dimension',dimension)
  __dataclass_builtins_object__.__setattr__(self,'importance',importance)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,quadrant,position,text,indicator,dimension,importance):\n  __dataclass_builtins_object__.__setattr__(self,'quadrant',quadrant)\n  __dataclass_builtins_object__.__setattr__(self,'position',position)\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'indicator',indicator)\n  __dataclass_builtins_object__.__setattr__(self,'dimension',dimension)\n  __dataclass_builtins_object__.__setattr__(self,'importance',importance)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,quadrants,by_dimension,items):
  __dataclass_builtins_object__.__setattr__(self,'quadrants',quadrants)
  __dataclass_builtins_object__.__setattr__(self,'by_dimension',by_dimension)
  __dataclass_builtins_object__.__setattr__(self,'items',items)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,quadrants,by_dimension,items):\n  __dataclass_builtins_object__.__setattr__(self,'quadrants',quadrants)\n  __dataclass_builtins_object__.__setattr__(self,'by_dimension',by_dimension)\n  __dataclass_builtins_object__.__setattr__(self,'items',items)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,rank,rank_min,rank_max,score_min,score_max,changed,unstable):
  __dataclass_builtins_object__.__setattr__(self,'rank',rank)
  __dataclass_builtins_object__.__setattr__(self,'rank_min',rank_min)
  __dataclass_builtins_object__.__setattr__(self,'rank_max',rank_max)
  __dataclass_builtins_object__.__setattr__(self,'score_min',score_min)
  __dataclass_builtins_object__.__setattr__(self,'score_max',score_max)
  __dataclass_builtins_object__.__setattr__(self,'changed',changed)
  __dataclass_builtins_object__.__setattr__(self,'unstable',unstable)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,rank,rank_min,rank_max,score_min,score_max,changed,unstable):\n  __dataclass_builtins_object__.__setattr__(self,'rank',rank)\n  __dataclass_builtins_object__.__setattr__(self,'rank_min',rank_min)\n  __dataclass_builtins_object__.__setattr__(self,'rank_max',rank_max)\n  __dataclass_builtins_object__.__setattr__(self,'score_min',score_min)\n  __dataclass_builtins_object__.__setattr__(self,'score_max',score_max)\n  __dataclass_builtins_object__.__setattr__(self,'changed',changed)\n  __dataclass_builtins_object__.__setattr__(self,'unstable',unstable)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,respondents,groups,indicators,dimensions,answers,weights,indicator_weights,dimension_weights,membership,low,high):
  __dataclass_builtins_object__.__setattr__(self,'respondents',respondents)
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)
  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)
  __dataclass_builtins_object__.__setattr__(self,'answers',answers)
  __dataclass_builtins_object__.__setattr__(self,'weights',weights)
  __dataclass_builtins_object__.__setattr__(self,'indicator_weights',indicator_weights)
  __dataclass_builtins_object__.__setattr__(self,'dimension_weights',dimension_weights)
  __dataclass_builtins_object__.__setattr__(self,'membership',membership)
  __dataclass_builtins_object__.__setattr__(self,'low',low)
  __dataclass_builtins_object__.__setattr__(self,'high',high)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,respondents,groups,indicators,dimensions,answers,weights,indicator_weights,dimension_weights,membership,low,high):\n  __dataclass_builtins_object__.__setattr__(self,'respondents',respondents)\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)\n  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)\n  __dataclass_builtins_object__.__setattr__(self,'answers',answers)\n  __dataclass_builtins_object__.__setattr__(self,'weights',weights)\n  __dataclass_builtins_object__.__setattr__(self,'indicator_weights',indicator_weights)\n  __dataclass_builtins_object__.__setattr__(self,'dimension_weights',dimension_weights)\n  __dataclass_builtins_object__.__setattr__(self,'membership',membership)\n  __dataclass_builtins_object__.__setattr__(self,'low',low)\n  __dataclass_builtins_object__.__setattr__(self,'high',high)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,rule,metric,value,threshold,subject,score,band,message):
  __dataclass_builtins_object__.__setattr__(self,'rule',rule)
  __dataclass_builtins_object__.__setattr__(self,'metric',metric)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'threshold',threshold)
  __dataclass_builtins_object__.__setattr__(self,'subject',subject)
  __dataclass_builtins_object__.__setattr__(self,'score',score)
  __dataclass_builtins_object__.__setattr__(self,'band',band)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,rule,metric,value,threshold,subject,score,band,message):\n  __dataclass_builtins_object__.__setattr__(self,'rule',rule)\n  __dataclass_builtins_object__.__setattr__(self,'metric',metric)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n  __dataclass_builtins_object__.__setattr__(self,'threshold',threshold)\n  __dataclass_builtins_object__.__setattr__(self,'subject',subject)\n  __dataclass_builtins_object__.__setattr__(self,'score',score)\n  __dataclass_builtins_object__.__setattr__(self,'band',band)\n  __dataclass_builtins_object__.__setattr__(self,'message',message)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,rwg_j,rstar_wg_j,awg,ad_m,items):
  __dataclass_builtins_object__.__setattr__(self,'rwg_j',rwg_j)
  __dataclass_builtins_object__.__setattr__(self,'rstar_wg_j',rstar_wg_j)
  __dataclass_builtins_object__.__setattr__(self,'awg',awg)
  __dataclass_builtins_object__.__setattr__(self,'ad_m',ad_m)
  __dataclass_builtins_object__.__setattr__(self,'items',items)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,rwg_j,rstar_wg_j,awg,ad_m,items):\n  __dataclass_builtins_object__.__setattr__(self,'rwg_j',rwg_j)\n  __dataclass_builtins_object__.__setattr__(self,'rstar_wg_j',rstar_wg_j)\n  __dataclass_builtins_object__.__setattr__(self,'awg',awg)\n  __dataclass_builtins_object__.__setattr__(self,'ad_m',ad_m)\n  __dataclass_builtins_object__.__setattr__(self,'items',items)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__):
 def __init__(self,samples,seed,overall,ranks,score_interval,dimension_scores,rank_intervals):
  __dataclass_builtins_object__.__setattr__(self,'samples',samples)
  __dataclass_builtins_object__.__setattr__(self,'seed',seed)
  __dataclass_builtins_object__.__setattr__(self,'overall',overall)
  __dataclass_builtins_object__.__setattr__(self,'ranks',ranks)
  __dataclass_builtins_object__.__setattr__(self,'score_interval',score_interval)
  __dataclass_builtins_object__.__setattr__(self,'dimension_scores',dimension_scores)
  __dataclass_builtins_object__.__setattr__(self,'rank_intervals',rank_intervals)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__):\n def __init__(self,samples,seed,overall,ranks,score_interval,dimension_scores,rank_intervals):\n  __dataclass_builtins_object__.__setattr__(self,'samples',samples)\n  __dataclass_builtins_object__.__setattr__(self,'seed',seed)\n  __dataclass_builtins_object__.__setattr__(self,'overall',overall)\n  __dataclass_builtins_object__.__setattr__(self,'ranks',ranks)\n  __dataclass_builtins_object__.__setattr__(self,'score_interval',score_interval)\n  __dataclass_builtins_object__.__setattr__(self,'dimension_scores',dimension_scores)\n  __dataclass_builtins_object__.__setattr__(self,'rank_intervals',rank_intervals)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_HAS_DEFAULT_FACTORY__, __dataclass_dflt_draws__, __dataclass_dflt_sensitivity__):
 def __init__(self,replicates,seed,overall,overall_analytic,indicators,dimensions,groups,respondent_scores,respondent_weights,straight_liners,low_coverage_respondents,low_coverage_dimensions,draws=__dataclass_HAS_DEFAULT_FACTORY__,sensitivity=__dataclass_dflt_sensitivity__):
  __dataclass_builtins_object__.__setattr__(self,'replicates',replicates)
  __dataclass_builtins_object__.__setattr__(self,'seed',seed)
  __dataclass_builtins_object__.__setattr__(self,'overall',overall)
  __dataclass_builtins_object__.__setattr__(self,'overall_analytic',overall_analytic)
  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)
  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'respondent_scores',respondent_scores)
  __dataclass_builtins_object__.__setattr__(self,'respondent_weights',respondent_weights)
  __dataclass_builtins_object__.__setattr__(self,'straight_liners',straight_liners)
  __dataclass_builtins_object__.__setattr__(self,'low_coverage_respondents',low_coverage_respondents)
  __dataclass_builtins_object__.__setattr__(self,'low_coverage_dimensions',low_coverage_dimensions)
  __dataclass_builtins_object__.__setattr__(self,'draws',__dataclass_dflt_draws__() if draws is __dataclass_HAS_DEFAULT_FACTORY__ else draws)
  __dataclass_builtins_object__.__setattr__(self,'sensitivity',sensitivity)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_HAS_DEFAULT_FACTORY__, __dataclass_dflt_draws__, __dataclass_dflt_sensitivity__):\n def __init__(self,replicates,seed,overall,overall_analytic,indicators,dimensions,groups,respondent_scores,respondent_weights,straight_liners,low_coverage_respondents,low_coverage_dimensions,draws=__dataclass_HAS_DEFAULT_FACTORY__,sensitivity=__dataclass_dflt_sensitivity__):\n  __dataclass_builtins_object__.__setattr__(self,'replicates',replicates)\n  __dataclass_builtins_object__.__setattr__(self,'seed',seed)\n  __dataclass_builtins_object__.__setattr__(self,'overall',overall)\n  __dataclass_builtins_object__.__setattr__(self,'overall_analytic',overall_analytic)\n  __dataclass_builtins_object__.__setattr__(self,'indicators',indicators)\n  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'respondent_scores',respondent_scores)\n  __dataclass_builtins_object__.__setattr__(self,'respondent_weights',respondent_weights)\n  __dataclass_builtins_object__.__setattr__(self,'straight_liners',straight_liners)\n  __dataclass_builtins_object__.__setattr__(self,'low_coverage_respondents',low_coverage_respondents)\n  __dataclass_builtins_object__.__setattr__(self,'low_coverage_dimensions',low_coverage_dimensions)\n  __dataclass_builtins_object__.__setattr__(self,'draws',__dataclass_dflt_draws__() if draws is __dataclass_HAS_DEFAULT_FACTORY__ else draws)\n  __dataclass_builtins_object__.__setattr__(self,'sensitivity',sensitivity)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_across__):
 def __init__(self,first,second,across=__dataclass_dflt_across__):
  __dataclass_builtins_object__.__setattr__(self,'first',first)
  __dataclass_builtins_object__.__setattr__(self,'second',second)
  __dataclass_builtins_object__.__setattr__(self,'across',across)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_across__):\n def __init__(self,first,second,across=__dataclass_dflt_across__):\n  __dataclass_builtins_object__.__setattr__(self,'first',first)\n  __dataclass_builtins_object__.__setattr__(self,'second',second)\n  __dataclass_builtins_object__.__setattr__(self,'across',across)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_counts__):
 def __init__(self,id,dimension,text,weight,n,mean,median,sd,rwg,score,band,reasons,counts=__dataclass_dflt_counts__):
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'dimension',dimension)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'weight',weight)
  __dataclass_builtins_object__.__setattr__(self,'n',n)
  __dataclass_builtins_object__.__setattr__(self,'mean',mean)
  __dataclass_builtins_object__.__setattr__(self,'median',median)
  __dataclass_builtins_object__.__setattr__(self,'sd',sd)
  __dataclass_builtins_object__.__setattr__(self,'rwg',rwg)
  __dataclass_builtins_object__.__setattr__(self,'score',score)
  __dataclass_builtins_object__.__setattr__(self,'band',band)
  __dataclass_builtins_object__.__setattr__(self,'reasons',reasons)
  __dataclass_builtins_object__.__setattr__(self,'counts',counts)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_counts__):\n def __init__(self,id,dimension,text,weight,n,mean,median,sd,rwg,score,band,reasons,counts=__dataclass_dflt_counts__):\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'dimension',dimension)\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'weight',weight)\n  __dataclass_builtins_object__.__setattr__(self,'n',n)\n  __dataclass_builtins_object__.__setattr__(self,'mean',mean)\n  __dataclass_builtins_object__.__setattr__(self,'median',median)\n  __dataclass_builtins_object__.__setattr__(self,'sd',sd)\n  __dataclass_builtins_object__.__setattr__(self,'rwg',rwg)\n  __dataclass_builtins_object__.__setattr__(self,'score',score)\n  __dataclass_builtins_object__.__setattr__(self,'band',band)\n  __dataclass_builtins_object__.__setattr__(self,'reasons',reasons)\n  __dataclass_builtins_object__.__setattr__(self,'counts',counts)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_df__):
 def __init__(self,delta,se,low,high,p,method,df=__dataclass_dflt_df__):
  __dataclass_builtins_object__.__setattr__(self,'delta',delta)
  __dataclass_builtins_object__.__setattr__(self,'se',se)
  __dataclass_builtins_object__.__setattr__(self,'low',low)
  __dataclass_builtins_object__.__setattr__(self,'high',high)
  __dataclass_builtins_object__.__setattr__(self,'p',p)
  __dataclass_builtins_object__.__setattr__(self,'method',method)
  __dataclass_builtins_object__.__setattr__(self,'df',df)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_df__):\n def __init__(self,delta,se,low,high,p,method,df=__dataclass_dflt_df__):\n  __dataclass_builtins_object__.__setattr__(self,'delta',delta)\n  __dataclass_builtins_object__.__setattr__(self,'se',se)\n  __dataclass_builtins_object__.__setattr__(self,'low',low)\n  __dataclass_builtins_object__.__setattr__(self,'high',high)\n  __dataclass_builtins_object__.__setattr__(self,'p',p)\n  __dataclass_builtins_object__.__setattr__(self,'method',method)\n  __dataclass_builtins_object__.__setattr__(self,'df',df)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_draws__, __dataclass_dflt_seed__, __dataclass_dflt_low__, __dataclass_dflt_high__, __dataclass_dflt_unstable_share__):
 def __init__(self,dimensions,overall_min,overall_max,draws=__dataclass_dflt_draws__,seed=__dataclass_dflt_seed__,low=__dataclass_dflt_low__,high=__dataclass_dflt_high__,unstable_share=__dataclass_dflt_unstable_share__):
  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)
  __dataclass_builtins_object__.__setattr__(self,'overall_min',overall_min)
  __dataclass_builtins_object__.__setattr__(self,'overall_max',overall_max)
  __dataclass_builtins_object__.__setattr__(self,'draws',draws)
  __dataclass_builtins_object__.__setattr__(self,'seed',seed)
  __dataclass_builtins_object__.__setattr__(self,'low',low)
  __dataclass_builtins_object__.__setattr__(self,'high',high)
  __dataclass_builtins_object__.__setattr__(self,'unstable_share',unstable_share)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_draws__, __dataclass_dflt_seed__, __dataclass_dflt_low__, __dataclass_dflt_high__, __dataclass_dflt_unstable_share__):\n def __init__(self,dimensions,overall_min,overall_max,draws=__dataclass_dflt_draws__,seed=__dataclass_dflt_seed__,low=__dataclass_dflt_low__,high=__dataclass_dflt_high__,unstable_share=__dataclass_dflt_unstable_share__):\n  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)\n  __dataclass_builtins_object__.__setattr__(self,'overall_min',overall_min)\n  __dataclass_builtins_object__.__setattr__(self,'overall_max',overall_max)\n  __dataclass_builtins_object__.__setattr__(self,'draws',draws)\n  __dataclass_builtins_object__.__setattr__(self,'seed',seed)\n  __dataclass_builtins_object__.__setattr__(self,'low',low)\n  __dataclass_builtins_object__.__setattr__(self,'high',high)\n  __dataclass_builtins_object__.__setattr__(self,'unstable_share',unstable_share)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_format__, __dataclass_dflt_evidence__, __dataclass_dflt_robustness__, __dataclass_dflt_aggregation__, __dataclass_dflt_statistics__, __dataclass_dflt_report__):
 def __init__(self,sector,framework_id,framework_name,method,lang,scale_min,scale_max,date,respondents,respondents_by_group,overall,band,dimensions,groups,group_spread,swot,summary,tows,recommendations,readiness,warnings,format=__dataclass_dflt_format__,evidence=__dataclass_dflt_evidence__,robustness=__dataclass_dflt_robustness__,aggregation=__dataclass_dflt_aggregation__,statistics=__dataclass_dflt_statistics__,report=__dataclass_dflt_report__):
  __dataclass_builtins_object__.__setattr__(self,'sector',sector)
  __dataclass_builtins_object__.__setattr__(self,'framework_id',framework_id)
  __dataclass_builtins_object__.__setattr__(self,'framework_name',framework_name)
  __dataclass_builtins_object__.__setattr__(self,'method',method)
  __dataclass_builtins_object__.__setattr__(self,'lang',lang)
  __dataclass_builtins_object__.__setattr__(self,'scale_min',scale_min)
  __dataclass_builtins_object__.__setattr__(self,'scale_max',scale_max)
  __dataclass_builtins_object__.__setattr__(self,'date',date)
  __dataclass_builtins_object__.__setattr__(self,'respondents',respondents)
  __dataclass_builtins_object__.__setattr__(self,'respondents_by_group',respondents_by_group)
  __dataclass_builtins_object__.__setattr__(self,'overall',overall)
  __dataclass_builtins_object__.__setattr__(self,'band',band)
  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'group_spread',group_spread)
  __dataclass_builtins_object__.__setattr__(self,'swot',swot)
  __dataclass_builtins_object__.__setattr__(self,'summary',summary)
  __dataclass_builtins_object__.__setattr__(self,'tows',tows)
  __dataclass_builtins_object__.__setattr__(self,'recommendations',recommendations)
  __dataclass_builtins_object__.__setattr__(self,'readiness',readiness)
  __dataclass_builtins_object__.__setattr__(self,'warnings',warnings)
  __dataclass_builtins_object__.__setattr__(self,'format',format)
  __dataclass_builtins_object__.__setattr__(self,'evidence',evidence)
  __dataclass_builtins_object__.__setattr__(self,'robustness',robustness)
  __dataclass_builtins_object__.__setattr__(self,'aggregation',aggregation)
  __dataclass_builtins_object__.__setattr__(self,'statistics',statistics)
  __dataclass_builtins_object__.__setattr__(self,'report',report)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_format__, __dataclass_dflt_evidence__, __dataclass_dflt_robustness__, __dataclass_dflt_aggregation__, __dataclass_dflt_statistics__, __dataclass_dflt_report__):\n def __init__(self,sector,framework_id,framework_name,method,lang,scale_min,scale_max,date,respondents,respondents_by_group,overall,band,dimensions,groups,group_spread,swot,summary,tows,recommendations,readiness,warnings,format=__dataclass_dflt_format__,evidence=__dataclass_dflt_evidence__,robustness=__dataclass_dflt_robustness__,aggregation=__dataclass_dflt_aggregation__,statistics=__dataclass_dflt_statistics__,report=__dataclass_dflt_report__):\n  __dataclass_builtins_object__.__setattr__(self,'sector',sector)\n  __dataclass_builtins_object__.__setattr__(self,'framework_id',framework_id)\n  __dataclass_builtins_object__.__setattr__(self,'framework_name',framework_name)\n  __dataclass_builtins_object__.__setattr__(self,'method',method)\n  __dataclass_builtins_object__.__setattr__(self,'lang',lang)\n  __dataclass_builtins_object__.__setattr__(self,'scale_min',scale_min)\n  __dataclass_builtins_object__.__setattr__(self,'scale_max',scale_max)\n  __dataclass_builtins_object__.__setattr__(self,'date',date)\n  __dataclass_builtins_object__.__setattr__(self,'respondents',respondents)\n  __dataclass_builtins_object__.__setattr__(self,'respondents_by_group',respondents_by_group)\n  __dataclass_builtins_object__.__setattr__(self,'overall',overall)\n  __dataclass_builtins_object__.__setattr__(self,'band',band)\n  __dataclass_builtins_object__.__setattr__(self,'dimensions',dimensions)\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'group_spread',group_spread)\n  __dataclass_builtins_object__.__setattr__(self,'swot',swot)\n  __dataclass_builtins_object__.__setattr__(self,'summary',summary)\n  __dataclass_builtins_object__.__setattr__(self,'tows',tows)\n  __dataclass_builtins_object__.__setattr__(self,'recommendations',recommendations)\n  __dataclass_builtins_object__.__setattr__(self,'readiness',readiness)\n  __dataclass_builtins_object__.__setattr__(self,'warnings',warnings)\n  __dataclass_builtins_object__.__setattr__(self,'format',format)\n  __dataclass_builtins_object__.__setattr__(self,'evidence',evidence)\n  __dataclass_builtins_object__.__setattr__(self,'robustness',robustness)\n  __dataclass_builtins_object__.__setattr__(self,'aggregation',aggregation)\n  __dataclass_builtins_object__.__setattr__(self,'statistics',statistics)\n  __dataclass_builtins_object__.__setattr__(self,'report',report)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_kind__):
 def __init__(self,label,values,kind=__dataclass_dflt_kind__):
  __dataclass_builtins_object__.__setattr__(self,'label',label)
  __dataclass_builtins_object__.__setattr__(self,'values',values)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_kind__):\n def __init__(self,label,values,kind=__dataclass_dflt_kind__):\n  __dataclass_builtins_object__.__setattr__(self,'label',label)\n  __dataclass_builtins_object__.__setattr__(self,'values',values)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_level__):
 def __init__(self,se,low,high,level=__dataclass_dflt_level__):
  __dataclass_builtins_object__.__setattr__(self,'se',se)
  __dataclass_builtins_object__.__setattr__(self,'low',low)
  __dataclass_builtins_object__.__setattr__(self,'high',high)
  __dataclass_builtins_object__.__setattr__(self,'level',level)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_level__):\n def __init__(self,se,low,high,level=__dataclass_dflt_level__):\n  __dataclass_builtins_object__.__setattr__(self,'se',se)\n  __dataclass_builtins_object__.__setattr__(self,'low',low)\n  __dataclass_builtins_object__.__setattr__(self,'high',high)\n  __dataclass_builtins_object__.__setattr__(self,'level',level)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_lq_base__, __dataclass_dflt_stars__, __dataclass_dflt_strong_cluster__):
 def __init__(self,year,source,sector_region,total_region,sector_country,total_country,establishments,patents,exports_usd,lq,lq_band,regional_share,patents_per_10k,exports_per_employee,disagreements,lq_base=__dataclass_dflt_lq_base__,stars=__dataclass_dflt_stars__,strong_cluster=__dataclass_dflt_strong_cluster__):
  __dataclass_builtins_object__.__setattr__(self,'year',year)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'sector_region',sector_region)
  __dataclass_builtins_object__.__setattr__(self,'total_region',total_region)
  __dataclass_builtins_object__.__setattr__(self,'sector_country',sector_country)
  __dataclass_builtins_object__.__setattr__(self,'total_country',total_country)
  __dataclass_builtins_object__.__setattr__(self,'establishments',establishments)
  __dataclass_builtins_object__.__setattr__(self,'patents',patents)
  __dataclass_builtins_object__.__setattr__(self,'exports_usd',exports_usd)
  __dataclass_builtins_object__.__setattr__(self,'lq',lq)
  __dataclass_builtins_object__.__setattr__(self,'lq_band',lq_band)
  __dataclass_builtins_object__.__setattr__(self,'regional_share',regional_share)
  __dataclass_builtins_object__.__setattr__(self,'patents_per_10k',patents_per_10k)
  __dataclass_builtins_object__.__setattr__(self,'exports_per_employee',exports_per_employee)
  __dataclass_builtins_object__.__setattr__(self,'disagreements',disagreements)
  __dataclass_builtins_object__.__setattr__(self,'lq_base',lq_base)
  __dataclass_builtins_object__.__setattr__(self,'stars',stars)
  __dataclass_builtins_object__.__setattr__(self,'strong_cluster',strong_cluster)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_lq_base__, __dataclass_dflt_stars__, __dataclass_dflt_strong_cluster__):\n def __init__(self,year,source,sector_region,total_region,sector_country,total_country,establishments,patents,exports_usd,lq,lq_band,regional_share,patents_per_10k,exports_per_employee,disagreements,lq_base=__dataclass_dflt_lq_base__,stars=__dataclass_dflt_stars__,strong_cluster=__dataclass_dflt_strong_cluster__):\n  __dataclass_builtins_object__.__setattr__(self,'year',year)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'sector_region',sector_region)\n  __dataclass_builtins_object__.__setattr__(self,'total_region',total_region)\n  __dataclass_builtins_object__.__setattr__(self,'sector_country',sector_country)\n  __dataclass_builtins_object__.__setattr__(self,'total_country',total_country)\n  __dataclass_builtins_object__.__setattr__(self,'establishments',establishments)\n  __dataclass_builtins_object__.__setattr__(self,'patents',patents)\n  __dataclass_builtins_object__.__setattr__(self,'exports_usd',exports_usd)\n  __dataclass_builtins_object__.__setattr__(self,'lq',lq)\n  __dataclass_builtins_object__.__setattr__(self,'lq_band',lq_band)\n  __dataclass_builtins_object__.__setattr__(self,'regional_share',regional_share)\n  __dataclass_builtins_object__.__setattr__(self,'patents_per_10k',patents_per_10k)\n  __dataclass_builtins_object__.__setattr__(self,'exports_per_employee',exports_per_employee)\n  __dataclass_builtins_object__.__setattr__(self,'disagreements',disagreements)\n  __dataclass_builtins_object__.__setattr__(self,'lq_base',lq_base)\n  __dataclass_builtins_object__.__setattr__(self,'stars',stars)\n  __dataclass_builtins_object__.__setattr__(self,'strong_cluster',strong_cluster)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_organisation__, __dataclass_dflt_footer__, __dataclass_dflt_primary__, __dataclass_dflt_accent__, __dataclass_dflt_logo__, __dataclass_dflt_logo_type__, __dataclass_dflt_given__):
 def __init__(self,organisation=__dataclass_dflt_organisation__,footer=__dataclass_dflt_footer__,primary=__dataclass_dflt_primary__,accent=__dataclass_dflt_accent__,logo=__dataclass_dflt_logo__,logo_type=__dataclass_dflt_logo_type__,given=__dataclass_dflt_given__):
  __dataclass_builtins_object__.__setattr__(self,'organisation',organisation)
  __dataclass_builtins_object__.__setattr__(self,'footer',footer)
  __dataclass_builtins_object__.__setattr__(self,'primary',primary)
  __dataclass_builtins_object__.__setattr__(self,'accent',accent)
  __dataclass_builtins_object__.__setattr__(self,'logo',logo)
  __dataclass_builtins_object__.__setattr__(self,'logo_type',logo_type)
  __dataclass_builtins_object__.__setattr__(self,'given',given)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_organisation__, __dataclass_dflt_footer__, __dataclass_dflt_primary__, __dataclass_dflt_accent__, __dataclass_dflt_logo__, __dataclass_dflt_logo_type__, __dataclass_dflt_given__):\n def __init__(self,organisation=__dataclass_dflt_organisation__,footer=__dataclass_dflt_footer__,primary=__dataclass_dflt_primary__,accent=__dataclass_dflt_accent__,logo=__dataclass_dflt_logo__,logo_type=__dataclass_dflt_logo_type__,given=__dataclass_dflt_given__):\n  __dataclass_builtins_object__.__setattr__(self,'organisation',organisation)\n  __dataclass_builtins_object__.__setattr__(self,'footer',footer)\n  __dataclass_builtins_object__.__setattr__(self,'primary',primary)\n  __dataclass_builtins_object__.__setattr__(self,'accent',accent)\n  __dataclass_builtins_object__.__setattr__(self,'logo',logo)\n  __dataclass_builtins_object__.__setattr__(self,'logo_type',logo_type)\n  __dataclass_builtins_object__.__setattr__(self,'given',given)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_strongest_supported__, __dataclass_dflt_weakest_supported__, __dataclass_dflt_strongest_tied__, __dataclass_dflt_weakest_tied__):
 def __init__(self,overall,band,strongest_dimension,weakest_dimension,strongest_indicators,weakest_indicators,uncertain,unanswered,strongest_supported=__dataclass_dflt_strongest_supported__,weakest_supported=__dataclass_dflt_weakest_supported__,strongest_tied=__dataclass_dflt_strongest_tied__,weakest_tied=__dataclass_dflt_weakest_tied__):
  __dataclass_builtins_object__.__setattr__(self,'overall',overall)
  __dataclass_builtins_object__.__setattr__(self,'band',band)
  __dataclass_builtins_object__.__setattr__(self,'strongest_dimension',strongest_dimension)
  __dataclass_builtins_object__.__setattr__(self,'weakest_dimension',weakest_dimension)
  __dataclass_builtins_object__.__setattr__(self,'strongest_indicators',strongest_indicators)
  __dataclass_builtins_object__.__setattr__(self,'weakest_indicators',weakest_indicators)
  __dataclass_builtins_object__.__setattr__(self,'uncertain',uncertain)
  __dataclass_builtins_object__.__setattr__(self,'unanswered',unanswered)
  __dataclass_builtins_object__.__setattr__(self,'strongest_supported',strongest_supported)
  __dataclass_builtins_object__.__setattr__(self,'weakest_supported',weakest_supported)
  __dataclass_builtins_object__.__setattr__(self,'strongest_tied',strongest_tied)
  __dataclass_builtins_object__.__setattr__(self,'weakest_tied',weakest_tied)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_strongest_supported__, __dataclass_dflt_weakest_supported__, __dataclass_dflt_strongest_tied__, __dataclass_dflt_weakest_tied__):\n def __init__(self,overall,band,strongest_dimension,weakest_dimension,strongest_indicators,weakest_indicators,uncertain,unanswered,strongest_supported=__dataclass_dflt_strongest_supported__,weakest_supported=__dataclass_dflt_weakest_supported__,strongest_tied=__dataclass_dflt_strongest_tied__,weakest_tied=__dataclass_dflt_weakest_tied__):\n  __dataclass_builtins_object__.__setattr__(self,'overall',overall)\n  __dataclass_builtins_object__.__setattr__(self,'band',band)\n  __dataclass_builtins_object__.__setattr__(self,'strongest_dimension',strongest_dimension)\n  __dataclass_builtins_object__.__setattr__(self,'weakest_dimension',weakest_dimension)\n  __dataclass_builtins_object__.__setattr__(self,'strongest_indicators',strongest_indicators)\n  __dataclass_builtins_object__.__setattr__(self,'weakest_indicators',weakest_indicators)\n  __dataclass_builtins_object__.__setattr__(self,'uncertain',uncertain)\n  __dataclass_builtins_object__.__setattr__(self,'unanswered',unanswered)\n  __dataclass_builtins_object__.__setattr__(self,'strongest_supported',strongest_supported)\n  __dataclass_builtins_object__.__setattr__(self,'weakest_supported',weakest_supported)\n  __dataclass_builtins_object__.__setattr__(self,'strongest_tied',strongest_tied)\n  __dataclass_builtins_object__.__setattr__(self,'weakest_tied',weakest_tied)\n return __init__"] = __create_fn__


def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_templates_dir__, __dataclass_dflt_brand__, __dataclass_dflt_reference_docx__):
 def __init__(self,templates_dir=__dataclass_dflt_templates_dir__,brand=__dataclass_dflt_brand__,reference_docx=__dataclass_dflt_reference_docx__):
  __dataclass_builtins_object__.__setattr__(self,'templates_dir',templates_dir)
  __dataclass_builtins_object__.__setattr__(self,'brand',brand)
  __dataclass_builtins_object__.__setattr__(self,'reference_docx',reference_docx)
 return __init__
FACTORIES["def __create_fn__(__dataclass_builtins_object__, __dataclass_dflt_templates_dir__, __dataclass_dflt_brand__, __dataclass_dflt_reference_docx__):\n def __init__(self,templates_dir=__dataclass_dflt_templates_dir__,brand=__dataclass_dflt_brand__,reference_docx=__dataclass_dflt_reference_docx__):\n  __dataclass_builtins_object__.__setattr__(self,'templates_dir',templates_dir)\n  __dataclass_builtins_object__.__setattr__(self,'brand',brand)\n  __dataclass_builtins_object__.__setattr__(self,'reference_docx',reference_docx)\n return __init__"] = __create_fn__
